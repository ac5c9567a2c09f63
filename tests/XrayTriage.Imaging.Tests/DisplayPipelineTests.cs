using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>Our 8-bit display image against DCMTK (dcm2pnm, dcmj2pnm for JPEG/RLE, dcml2pnm for JPEG-LS) with the
/// same window choice, within ±1 gray level. DCMTK has no JPEG 2000 decoder; those files are checked by the codec tests.</summary>
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
        { "chest/cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm", "file" },
        { "chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm", "auto" },
        { "chest/cr_chest_pa_mono1_u15_jpegls-nearlossless_nema-RG1_JLSN.dcm", "file" },
        { "other/cr_extremity_mono1_u10_rle_nema-RG3_RLE.dcm", "file" },
        { "other/cr_extremity_mono1_u10_jpeg-lossless-sv1_nema-RG3_JPLL.dcm", "file" },
        { "other/cr_extremity_mono1_u10_jpegls-lossless_nema-RG3_JLSL.dcm", "file" },
        { "other/mr_shoulder_mono2_u12_jpeg-lossless-p14_barre-MR-MONO2-12-shoulder.dcm", "file" },
        { "other/ct_chest_mono2_s16_jpeg-lossless-sv1_barre-CT-MONO2-16-chest.dcm", "file" },
        { "other/mg_breast_mlo_mono2_u12_jpeg-lossless_voi-lut_multi-wc.dcm", "file" },
        { "other/mg_breast_mlo_mono2_u12_jpeg-lossless_voi-lut_multi-wc.dcm", "lut" },
        { "other/cr_dental-panoramic_mono1_u10_jpeg-lossless_modality-lut-seq.dcm", "auto" },
        { "other/pt_u16_jpeg-lossless_rescale_fo-dicom-GH184.dcm", "auto" },
        { "other/nm_wholebody_u16_jpeg-lossless_nema-NM1_JPLL.dcm", "auto" },
    };

    /// <summary>Files DCMTK refuses, so it cannot be the oracle: Pixel Data without its sequence delimiter (we read the
    /// fragments), a file whose elements are all UN (dcm2pnm finds no usable pixel module), and a JPEG RGB file whose
    /// data set is implicit VR under an explicit transfer syntax (DCMTK stops at a bogus element; we read it).</summary>
    private static readonly string[] DcmtkCannotRender =
    [
        "edge/encapsulated_missing-delimiter_fo-dicom-GH1339.dcm",
        "edge/un-vr-everywhere_pydicom-explicit_VR-UN.dcm",
        "edge/vr-mismatch-dataset-vs-ts_pydicom-SC_rgb_jpeg.dcm",
    ];

    /// <summary>Every other sample we are expected to render (<see cref="RenderExpectations"/>) that DCMTK decodes too,
    /// with the file's first window when it has one, else our automatic window handed to DCMTK. A sample we fail to
    /// render is not left out: it fails here.</summary>
    public static TheoryData<string, string> EveryOtherDecodableSample()
    {
        var listed = NativeSamples.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        listed.UnionWith(DcmtkCannotRender);
        listed.UnionWith(RenderExpectations.NotRendered.Keys);
        var data = new TheoryData<string, string>();
        foreach (var sample in RenderExpectations.AllSamples().Where(s => !listed.Contains(s)))
        {
            if (sample.Contains("j2k", StringComparison.Ordinal))
            {
                continue; // DCMTK has no JPEG 2000 decoder; the codec tests compare those with opj_decompress.
            }

            var file = DicomFile.Open(
                Path.Combine(RepositoryPaths.DicomSamples, sample), new DicomReaderOptions { StopBeforePixelData = true });
            if (file.Dataset.TryGetInt32(DicomTags.NumberOfFrames, out var frames) && frames > 1)
            {
                continue; // dcm2pnm writes the first frame only when told which; single frames keep the oracle simple.
            }

            data.Add(sample, IsColour(file.Dataset) ? "colour" : file.Dataset.Contains(DicomTags.WindowCenter) ? "file" : "auto");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOtherDecodableSample))]
    public Task Render_EveryOtherDecodableSample_MatchesDcmtkWithinOneGrayLevel(string sample, string voi)
        => Render_Sample_MatchesDcmtkWithinOneGrayLevel(sample, voi);

    [Theory]
    [MemberData(nameof(NativeSamples))]
    public async Task Render_Sample_MatchesDcmtkWithinOneGrayLevel(string sample, string voi)
    {
        var path = Path.Combine(RepositoryPaths.DicomSamples, sample);
        string? decompressed = null;
        if (DicomFile.Open(path, new DicomReaderOptions { StopBeforePixelData = true }).TransferSyntax.Uid.Value
            is "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51")
        {
            // Lossy JPEG decoders may differ by ±1 before windowing (IDCT rounding; the codec tests bound that).
            // Windowing is compared on the same pixels: DCMTK's own decompression of the file.
            decompressed = Path.Combine(Path.GetTempPath(), $"xraytriage-dcmdjpeg-{Guid.NewGuid():N}.dcm");
            (await PeerTools.RunAsync("dcmdjpeg", [path, decompressed])).EnsureSuccess("dcmdjpeg");
            path = decompressed;
        }

        try
        {
            await CompareAsync(sample, path, voi);
        }
        finally
        {
            if (decompressed is not null)
            {
                File.Delete(decompressed);
            }
        }
    }

    private static async Task CompareAsync(string sample, string path, string voi)
    {
        var file = DicomFile.Open(path);
        var options = voi == "lut" ? RenderOptions.Default with { PreferVoiLut = true } : RenderOptions.Default;
        if (voi == "auto")
        {
            // Our automatic window is our own; dcm2pnm is given the same center/width to check the rendering.
            var auto = MonochromeImage.Render(file, options with { ForceAutoWindow = true, BlackenPadding = false });
            options = options with { Window = ParseWindow(auto.Window) };
        }

        var ours = MonochromeImage.Render(file, options with { BlackenPadding = false });

        // A colour source is compared with DCMTK's own colour → grayscale conversion (+G), which has no VOI.
        var theirs = await RunDcm2pnmAsync(path, voi == "colour" ? ["+G"]
            : voi == "auto" ? ["+Ww", F(options.Window!.Value.Center), F(options.Window.Value.Width)]
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

    private static bool IsColour(DicomDataset dataset)
        => dataset.TryGetString(DicomTags.PhotometricInterpretation, out var pi)
            && !pi.Trim().StartsWith("MONOCHROME", StringComparison.Ordinal);

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
            var tool = path.Contains("jpegls", StringComparison.Ordinal) ? "dcml2pnm" : "dcmj2pnm";
            var result = await PeerTools.RunAsync(tool, ["+Ma", "+op", .. voiArguments, path, output]);
            result.EnsureSuccess(tool);
            return Pgm.Read(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
