using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Shared samples sent over the network: small uncompressed ones for <c>storescu</c>, compressed ones
/// for <c>dcmsend</c>.</summary>
internal static class Samples
{
    public static string[] Uncompressed =>
    [
        Other("ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm"),
        Other("mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm"),
        Other("sc_rgb_explicit-le_pydicom-SC_rgb.dcm"),
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm"),
    ];

    public static string[] Compressed =>
    [
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm"),
        Other("ct_chest_mono2_s16_jpeg-lossless-sv1_barre-CT-MONO2-16-chest.dcm"),
        Other("us_palette-color_rle_pydicom-OBXXXX1A_rle.dcm"),
        Other("cr_extremity_mono1_u10_jpegls-nearlossless_nema-RG3_JLSN.dcm"),
        Other("mr_mono2_u12_j2k-lossy_rescale_nema-MR2_J2KI.dcm"),
    ];

    public static string Small => Other("mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm");

    /// <summary>Copies <see cref="Small"/> <paramref name="count"/> times into <paramref name="folder"/>, each with a new
    /// SOP Instance UID (DCMTK <c>dcmodify -gin</c>).</summary>
    public static async Task<string[]> DistinctCopiesAsync(string folder, int count)
    {
        var files = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"copy{i:D3}.dcm")).ToArray();
        foreach (var file in files)
        {
            File.Copy(Small, file);
            File.SetAttributes(file, FileAttributes.Normal);
        }

        var result = await PeerTools.RunAsync("dcmodify", ["-nb", "-gin", .. files], TimeSpan.FromSeconds(60));
        result.EnsureSuccess("dcmodify -gin");
        return files;
    }

    private static string Other(string name) => Path.Combine(RepositoryPaths.DicomSamples, "other", name);
}
