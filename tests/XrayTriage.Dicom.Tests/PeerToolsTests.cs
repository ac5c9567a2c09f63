using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests;

public sealed class PeerToolsTests
{
    [Fact]
    public async Task Dcmdump_IsInstalled_ReadsAChestSample()
    {
        var file = Path.Combine(RepositoryPaths.DicomSamples, "chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");
        var result = await PeerTools.RunAsync("dcmdump", ["-M", file]);
        result.EnsureSuccess("dcmdump");
        Assert.Contains("(0008,0060) CS [DX]", result.StandardOutput, StringComparison.Ordinal);
    }
}
