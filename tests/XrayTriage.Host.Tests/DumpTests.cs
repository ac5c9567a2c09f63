using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

public sealed class DumpTests
{
    private static string Sample(string folder, string name) => Path.Combine(RepositoryPaths.DicomSamples, folder, name);

    private static string Chest => Sample("chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");

    [Fact]
    public async Task Dump_ChestFile_PrintsTheTreeAndExitsZero()
    {
        var result = await XrayTriageExecutable.RunAsync(["dump", Chest]);

        result.EnsureSuccess("dump");
        Assert.Contains("(0008,0060) CS [DX]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Modality", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("# Used TransferSyntax: Implicit VR Little Endian", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_Json_IsTheDicomJsonModel()
    {
        var result = await XrayTriageExecutable.RunAsync(["dump", "--json", "--header-only", Chest]);

        using var json = JsonDocument.Parse(result.EnsureSuccess("dump --json").StandardOutput);
        var modality = json.RootElement.GetProperty("00080060");
        Assert.Equal("CS", modality.GetProperty("vr").GetString());
        Assert.Equal("DX", modality.GetProperty("Value")[0].GetString());
        Assert.False(json.RootElement.TryGetProperty("7FE00010", out _), "--header-only stops before Pixel Data");
    }

    [Fact]
    public async Task Dump_JsonOfSeveralFiles_IsAnArrayInArgumentOrder()
    {
        var sr = Sample("sr", "sr_basic-text_reportsi.dcm");

        var result = await XrayTriageExecutable.RunAsync(["dump", "--json", "--header-only", Chest, sr]);

        using var json = JsonDocument.Parse(result.EnsureSuccess("dump --json").StandardOutput);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal(sr, json.RootElement[1].GetProperty("file").GetString());
        Assert.Equal("SR", json.RootElement[1].GetProperty("dataset").GetProperty("00080060").GetProperty("Value")[0].GetString());
    }

    [Theory]
    [InlineData("truncated_in-sequence_pydicom-rtplan_truncated.dcm", "offset")]
    [InlineData("pixeldata-length-3gb-truncated_dcm4che.dcm", "(7FE0,0010)")]
    [InlineData("nested-sequence_deeply-nested_orthanc.dcm", "nested deeper")]
    public async Task Dump_BadFile_OneLineWithTagOrOffsetAndExitTwo(string name, string expected)
    {
        var path = Sample("edge", name);

        var result = await XrayTriageExecutable.RunAsync(["dump", path]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"xraytriage dump: {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_GoodAndMissingFile_PrintsTheGoodOneAndExitsTwo()
    {
        var result = await XrayTriageExecutable.RunAsync(["dump", Chest, "/nonexistent/file.dcm"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("# File: " + Chest, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/file.dcm", result.StandardError, StringComparison.Ordinal);
    }
}
