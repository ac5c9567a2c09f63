using XrayTriage.Dicom;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Every sample with encapsulated pixel data, the hostile edge files included, decodes or fails with an
/// <see cref="ImagingException"/>: no other exception and no native crash.</summary>
public sealed class CorpusSweepTests
{
    public static TheoryData<string> EncapsulatedSamples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory
            .EnumerateFiles(RepositoryPathsDicomSamples(), "*.dcm", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal))
        {
            DicomFile file;
            try
            {
                file = DicomFile.Open(path);
            }
            catch (DicomParseException)
            {
                continue;
            }
            catch (IOException)
            {
                continue;
            }

            if (file.TransferSyntax.IsEncapsulated && file.Dataset.TryGetItem(DicomTags.PixelData, out _))
            {
                data.Add(Path.GetRelativePath(RepositoryPathsDicomSamples(), path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EncapsulatedSamples))]
    public void DecodeFrame_EncapsulatedSample_DecodesOrThrowsImagingException(string sample)
    {
        var file = DicomFile.Open(CodecSamples.PathOf(sample));
        try
        {
            var geometry = PixelGeometry.FromDataset(file.Dataset, ImagingLimits.Default);
            var values = MonochromeImage.DecodeFrame(file, geometry, 0);
            Assert.Equal(geometry.PixelCount, values.Length);
        }
        catch (ImagingException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    private static string RepositoryPathsDicomSamples() => XrayTriage.Testing.RepositoryPaths.DicomSamples;
}
