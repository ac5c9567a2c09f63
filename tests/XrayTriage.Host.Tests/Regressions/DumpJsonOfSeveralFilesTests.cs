using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests.Regressions;

/// <summary>Issue 17 item 9: <c>dump --json</c> over several files silently left failed files out of the array, so
/// entries could not be matched to inputs. Every file now has an entry, in argument order, named; a failed one
/// carries its error.</summary>
public sealed class DumpJsonOfSeveralFilesTests
{
    [Fact]
    public async Task DumpJson_GoodBadGood_OneNamedEntryPerFileInOrderAndExitTwo()
    {
        var good = Path.Combine(RepositoryPaths.DicomSamples, "sr", "sr_basic-text_reportsi.dcm");
        var bad = Path.Combine(Path.GetTempPath(), $"xraytriage-not-dicom-{Guid.NewGuid():N}.dcm");
        await File.WriteAllBytesAsync(bad, [0x08, 0x00, 0x05, 0x00, (byte)'C', (byte)'S', 0xFF, 0x7F]);
        try
        {
            var result = await XrayTriageExecutable.RunAsync(["dump", "--json", "--header-only", good, bad, good]);

            Assert.Equal(2, result.ExitCode);
            using var json = JsonDocument.Parse(result.StandardOutput);
            Assert.Equal(3, json.RootElement.GetArrayLength());
            Assert.Equal([good, bad, good], json.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()));
            Assert.Equal("SR", json.RootElement[2].GetProperty("dataset").GetProperty("00080060").GetProperty("Value")[0].GetString());
            Assert.False(json.RootElement[1].TryGetProperty("dataset", out _));
            Assert.Contains("offset", json.RootElement[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
