using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>Every file of the corpus either renders or fails with a toolkit exception that says why — never
/// another exception, never a huge allocation (absurd dimensions and the 3 GiB sample are refused up front).</summary>
public sealed class CorpusRobustnessTests
{
    public static TheoryData<string> AllSamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.DicomSamples, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.DicomSamples, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Render_AnySample_RendersOrFailsWithAReason(string sample)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        try
        {
            var image = MonochromeImage.Render(DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample)));
            Assert.Equal(image.Width * image.Height, image.Pixels.Length);
        }
        catch (Exception ex) when (ex is ImagingException or DicomParseException)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        Assert.True(allocated < 1L << 30, $"{sample}: {allocated / (1 << 20)} MiB allocated");
    }

    [Theory]
    [InlineData("edge/oob-dimensions_65535x65535_orthanc.dcm", "over the limit")]
    [InlineData("edge/oob-dimensions_46341x46341_orthanc.dcm", "over the limit")]
    [InlineData("other/sc_rgb_htj2k-lossy_pydicom-HTJ2K_08_RGB.dcm", "Unsupported transfer syntax: High-Throughput JPEG 2000")]
    [InlineData("other/us_ybr-full-422_jpeg-xl_dcm4che-will-jxl.dcm", "Unsupported transfer syntax: JPEG XL")]
    [InlineData("edge/truncated_pixeldata_pydicom-MR_truncated.dcm", "(7FE0,0010)")]
    public void Render_HostileOrUnsupportedSample_ExplainsWhy(string sample, string reason)
    {
        var ex = Assert.ThrowsAny<Exception>(() => MonochromeImage.Render(DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample))));

        Assert.True(ex is ImagingException or DicomParseException, ex.ToString());
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
