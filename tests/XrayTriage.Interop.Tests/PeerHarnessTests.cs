using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests;

/// <summary>The peers that prove our DICOM code are really there and driven the way later tests drive them:
/// Orthanc as a PACS fed by DCMTK, dciodvfy and pydicom as oracles.</summary>
public sealed class PeerHarnessTests
{
    private static string ChestSample => Path.Combine(RepositoryPaths.DicomSamples, "chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");

    [Fact]
    public async Task Orthanc_StoreFromDcmtk_InstanceIsListedOverRest()
    {
        await using var orthanc = await OrthancServer.StartAsync("TESTPACS");

        var echo = await PeerTools.RunAsync(
            "echoscu",
            ["-aec", "TESTPACS", "-aet", "HARNESS",
             "127.0.0.1", orthanc.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var store = await PeerTools.RunAsync(
            "storescu",
            ["-aec", "TESTPACS", "-aet", "HARNESS",
             "127.0.0.1", orthanc.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ChestSample]);

        echo.EnsureSuccess("echoscu");
        store.EnsureSuccess("storescu");
        var uids = await orthanc.GetSopInstanceUidsAsync();
        var expected = await SopInstanceUidAsync(ChestSample);
        Assert.Equal([expected], uids);
    }

    [Fact]
    public async Task Orthanc_WrongCalledAeTitle_IsRejected()
    {
        await using var orthanc = await OrthancServer.StartAsync("TESTPACS");

        var echo = await PeerTools.RunAsync(
            "echoscu",
            ["-aec", "NOTORTHANC", "-aet", "HARNESS",
             "127.0.0.1", orthanc.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.False(echo.Succeeded);
        Assert.Contains("Called AE Title Not Recognized", echo.StandardError + echo.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dciodvfy_SampleMissingAType2Attribute_ReportsTheIodAndTheError()
    {
        var result = await PeerTools.RunAsync("dciodvfy", [ChestSample]);

        // dciodvfy exits 0 even with errors: tests read its report. This file lacks Patient's Birth Date.
        var report = result.StandardError + result.StandardOutput;
        Assert.Contains("SCImage", report, StringComparison.Ordinal);
        Assert.Contains("Error - Missing attribute Type 2 Required Element=<PatientBirthDate>", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storescp_ReceivesFromStorescu_WritesTheFile()
    {
        var portNumber = FreePort.Next();
        var port = portNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("xraytriage-storescp-").FullName;
        try
        {
            await using (var storescp = PeerTools.Start("storescp", ["--aetitle", "DCMTKSCP", "--output-directory", folder, "-v", port]))
            {
                await FreePort.WaitUntilListeningAsync(portNumber, TimeSpan.FromSeconds(30));
                var store = await PeerTools.RunAsync("storescu", ["-aec", "DCMTKSCP", "-aet", "HARNESS", "127.0.0.1", port, ChestSample]);
                store.EnsureSuccess("storescu");
            }

            var received = Assert.Single(Directory.GetFiles(folder));
            var dump = await PeerTools.RunAsync("dcmdump", ["+P", "SOPInstanceUID", received]);
            Assert.Contains(await SopInstanceUidAsync(ChestSample), dump.EnsureSuccess("dcmdump").StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> SopInstanceUidAsync(string file)
    {
        var result = await PeerTools.RunPythonAsync("import sys, pydicom; print(pydicom.dcmread(sys.argv[1]).SOPInstanceUID)", [file]);
        return result.EnsureSuccess("pydicom").StandardOutput.Trim();
    }
}
