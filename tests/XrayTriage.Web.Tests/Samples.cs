using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>The shared chest samples: the Secondary Capture ones are skipped (not assessable), the CR one below is urgent.</summary>
public static class Samples
{
    public static string Chest => Path.Combine(RepositoryPaths.DicomSamples, "chest");

    /// <summary>A CR chest film the shipped ensemble flags (lung opacity over its threshold).</summary>
    public static string Urgent => Path.Combine(Chest, "cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm");

    /// <summary>A Secondary Capture chest image: recorded, not triaged (not assessable).</summary>
    public static string NotAssessable => Path.Combine(Chest, "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");

    /// <summary>A copy of <paramref name="sample"/> with new study, series and SOP instance UIDs (DCMTK's dcmodify), so
    /// each test has a study of its own on the shared server.</summary>
    public static async Task<string> FreshCopyAsync(string sample)
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-web-film-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(sample));
        File.Copy(sample, copy);
        (await PeerTools.RunAsync("dcmodify", ["-nb", "-gst", "-gse", "-gin", copy])).EnsureSuccess("dcmodify");
        return copy;
    }

    public static async Task<string> SopInstanceUidAsync(string file)
    {
        var dump = await XrayTriageExecutable.RunAsync(["dump", "--json", "--header-only", file]);
        dump.EnsureSuccess("xraytriage dump");
        using var json = JsonDocument.Parse(dump.StandardOutput);
        return json.RootElement.GetProperty("00080018").GetProperty("Value")[0].GetString()!;
    }
}
