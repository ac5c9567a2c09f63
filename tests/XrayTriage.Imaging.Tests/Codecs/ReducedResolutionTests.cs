using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary><see cref="RenderOptions.MinimumShortSide"/>: JPEG 2000 and 8-bit JPEG frames decode at a lower resolution
/// (resolution levels, DCT scaling) that keeps the asked-for short side; the plane is the full-resolution one
/// averaged down, and other transfer syntaxes, or a minimum the film cannot reduce to, give the full film.</summary>
public sealed class ReducedResolutionTests
{
    private static string Chest(string name) => Path.Combine(RepositoryPaths.DicomSamples, "chest", name);

    [Theory]
    // 1841 × 1955: level 1 keeps 921 × 978 (≥ 896), level 2 keeps 461 × 489 (≥ 448).
    [InlineData("cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm", 896, 921, 978, "JPEG 2000 resolution level 1")]
    [InlineData("cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm", 448, 461, 489, "JPEG 2000 resolution level 2")]
    // 2010 × 2446: DCT scaling 4/8 keeps 1005 × 1223.
    [InlineData("cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm", 896, 1005, 1223, "JPEG DCT scaling 4/8")]
    public void Render_MinimumShortSide_DecodesReducedAndMatchesTheFullFilmAveragedDown(
        string name, int minimum, int width, int height, string reduction)
    {
        var file = DicomFile.Open(Chest(name));
        var full = MonochromeImage.Render(file);
        var reduced = MonochromeImage.Render(file, new RenderOptions { MinimumShortSide = minimum });

        Assert.Equal((width, height), (reduced.Width, reduced.Height));
        Assert.Contains(reduced.Notes, n => n.Contains(reduction, StringComparison.Ordinal));
        Assert.DoesNotContain(full.Notes, n => n.Contains("decoded at", StringComparison.Ordinal));
        var averaged = AreaResampler.Resize(full.Pixels, full.Width, full.Height, width, height);
        var meanDifference = averaged.Zip(reduced.Pixels).Average(p => Math.Abs(p.First - p.Second));
        Assert.True(meanDifference < 4, $"mean grey difference {meanDifference:0.00} of 255");
    }

    [Theory]
    [InlineData("cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm", 1900)]
    [InlineData("cr_chest_pa_mono1_u15_jpegls-nearlossless_nema-RG1_JLSN.dcm", 448)]
    [InlineData("cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm", 64)]
    public void Render_NoReductionPossible_GivesTheFullResolutionFilm(string name, int minimum)
    {
        var file = DicomFile.Open(Chest(name));
        var full = MonochromeImage.Render(file);
        var asked = MonochromeImage.Render(file, new RenderOptions { MinimumShortSide = minimum });

        Assert.Equal((full.Width, full.Height), (asked.Width, asked.Height));
        Assert.Equal(full.Pixels, asked.Pixels);
    }
}
