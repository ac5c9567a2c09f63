using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>Every file of the corpus renders, except those <see cref="RenderExpectations.NotRendered"/> lists, which
/// fail with a toolkit exception that says why — never another exception, never a huge allocation (absurd
/// dimensions and the 3 GiB sample are refused up front).</summary>
public sealed class CorpusRobustnessTests
{
    public static TheoryData<string> AllSamples() => [.. RenderExpectations.AllSamples()];

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Render_AnySample_RendersOrFailsWithTheExpectedReason(string sample)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        if (RenderExpectations.NotRendered.TryGetValue(sample, out var reason))
        {
            var ex = Assert.ThrowsAny<Exception>(
                () => MonochromeImage.Render(DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample))));
            Assert.True(ex is ImagingException or DicomParseException, ex.ToString());
            Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        }
        else
        {
            var image = MonochromeImage.Render(DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample)));
            Assert.Equal(image.Width * image.Height, image.Pixels.Length);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        Assert.True(allocated < 1L << 30, $"{sample}: {allocated / (1 << 20)} MiB allocated");
    }
}
