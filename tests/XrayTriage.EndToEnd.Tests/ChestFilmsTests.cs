using Xunit;
using XrayTriage.Dicom;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>The generated films read back with our reader and cover every variant the proofs promise.</summary>
public sealed class ChestFilmsTests
{
    [Fact]
    public void Take_AllFilms_CoverModalitiesPhotometricsDepthsWindowsAndViews()
    {
        var headers = ChestFilms.Take(ChestFilms.Count)
            .Select(f => DicomFile.Open(f.Path, new DicomReaderOptions { StopBeforePixelData = true }).Dataset)
            .ToArray();

        Assert.Equal(ChestFilms.Count, headers.Select(h => h.GetString(DicomTags.SOPInstanceUID)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(headers, h => Assert.StartsWith("2.25.", h.GetString(DicomTags.SOPInstanceUID), StringComparison.Ordinal));
        Assert.All(headers, h => Assert.Equal("CHEST", h.GetString(DicomTags.BodyPartExamined)));
        Assert.Equal(["CR", "DX"], Distinct(headers, DicomTags.Modality));
        Assert.Equal(["MONOCHROME1", "MONOCHROME2"], Distinct(headers, DicomTags.PhotometricInterpretation));
        Assert.Equal(["12", "16", "8"], Distinct(headers, DicomTags.BitsStored));
        Assert.Equal(["AP", "PA"], Distinct(headers, DicomTags.ViewPosition));
        Assert.Contains(headers, h => h.Contains(DicomTags.WindowCenter) && h.Contains(DicomTags.WindowWidth));
        Assert.Contains(headers, h => !h.Contains(DicomTags.WindowCenter));
        Assert.True(headers.GroupBy(h => h.GetString(DicomTags.StudyInstanceUID)).All(s => s.Count() > 1));
    }

    private static string[] Distinct(IEnumerable<DicomDataset> headers, DicomTag tag)
        => headers.Select(h => h.TryGetString(tag, out var v) ? v.Trim() : v)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
