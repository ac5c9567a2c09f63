using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>Our 8-bit display image against DCMTK's dcm2pnm with the same window choice, within ±1 gray level.</summary>
public sealed class DisplayPipelineTests
{
    public static TheoryData<string, string> NativeSamples => new()
    {
        { "chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm", "file" },
        { "chest/dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm", "auto" },
        { "other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm", "file" },
        { "other/dx_thorax_canine-lateral_mono1_u8_veterinary_highdicom.dcm", "file" },
        { "other/ot_smpte-test-pattern_bodypart-chest_s16_dclunie.dcm", "file" },
        { "other/ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm", "auto" },
        { "other/mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm", "file" },
        { "other/rf_fluoro_u8_orthanc-KarstenHilbertRF.dcm", "file" },
        { "other/ct_mono2_u12_deflate_orthanc.dcm", "file" },
        { "edge/bigendian-explicit_mr_pydicom-MR_small_bigendian.dcm", "file" },
        { "edge/windowing-leading-zeros_fo-dicom-GH342.dcm", "file" },
        { "edge/modality-lut-sequence_ihe-mesa_mlut_18.dcm", "auto" },
        { "edge/voi-lut-sequence_ihe-mesa_vlut_04.dcm", "lut" },
    };

    [Theory]
    [MemberData(nameof(NativeSamples))]
    public async Task Render_NativeSample_MatchesDcm2pnmWithinOneGrayLevel(string sample, string voi)
    {
        var path = Path.Combine(RepositoryPaths.DicomSamples, sample);
        var file = DicomFile.Open(path);
        var options = voi == "lut" ? RenderOptions.Default with { PreferVoiLut = true } : RenderOptions.Default;
        if (voi == "auto")
        {
            // Our automatic window is our own; dcm2pnm is given the same center/width to check the rendering.
            var auto = MonochromeImage.Render(file, options with { ForceAutoWindow = true, BlackenPadding = false });
            options = options with { Window = ParseWindow(auto.Window) };
        }

        var ours = MonochromeImage.Render(file, options with { BlackenPadding = false });
        var theirs = await RunDcm2pnmAsync(path, voi == "auto" ? ["+Ww", F(options.Window!.Value.Center), F(options.Window.Value.Width)]
            : voi == "lut" ? ["+Wl", "1"] : ["+Wi", "1"]);

        Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
        var worst = 0;
        var differing = 0;
        for (var i = 0; i < ours.Pixels.Length; i++)
        {
            var d = Math.Abs(ours.Pixels[i] - theirs.Pixels[i]);
            worst = Math.Max(worst, d);
            differing += d > 1 ? 1 : 0;
        }

        Assert.True(worst <= 1, $"{sample}: {differing} pixels differ by more than 1 (worst {worst}); window {ours.Window}");
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static (double, double) ParseWindow(string description)
    {
        // "auto p0.5–p99.5: center 123, width 456, LinearExact"
        var parts = description.Split(':')[1].Split(',');
        return (double.Parse(parts[0].Replace("center", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
            double.Parse(parts[1].Replace("width", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
    }

    private static async Task<Pgm> RunDcm2pnmAsync(string path, string[] voiArguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"xraytriage-dcm2pnm-{Guid.NewGuid():N}.pgm");
        try
        {
            var result = await PeerTools.RunAsync("dcm2pnm", ["+Ma", "+op", .. voiArguments, path, output]);
            result.EnsureSuccess("dcm2pnm");
            return Pgm.Read(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
