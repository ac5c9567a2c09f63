using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

internal static class Samples
{
    public static string Chest(string name) => Path.Combine(RepositoryPaths.DicomSamples, "chest", name);

    public static string Other(string name) => Path.Combine(RepositoryPaths.DicomSamples, "other", name);

    /// <summary>Every chest sample; CR ones and two Secondary Captures with Modality CR/DX.</summary>
    public static string[] AllChest =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.DicomSamples, "chest"), "*.dcm").Order(StringComparer.Ordinal).ToArray();

    public static string UncompressedChest => Chest("dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");

    public static string Extremity => Other("cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm");

    public static string HtJ2k => Other("sc_rgb_htj2k-lossy_pydicom-HTJ2K_08_RGB.dcm");
}
