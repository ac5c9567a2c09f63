using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Runs pydicom once over the whole corpus and keeps its canonical listing per file.</summary>
public sealed class OracleFixture : IAsyncLifetime
{
    public Dictionary<string, OracleResult> Results { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Oracles", "pydicom_dump.py"));
        var files = CorpusFiles.All().Select(CorpusFiles.FullPath).ToList();
        var result = await PeerTools.RunPythonAsync(script, files, TimeSpan.FromMinutes(2));
        result.EnsureSuccess("pydicom oracle");
        using var json = JsonDocument.Parse(result.StandardOutput);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            var ok = property.Value.GetProperty("ok").GetBoolean();
            var error = property.Value.GetProperty("error").GetString() ?? string.Empty;
            var lines = property.Value.GetProperty("lines").EnumerateArray().Select(l => l.GetString() ?? string.Empty).ToList();
            Results[Path.GetRelativePath(RepositoryPaths.DicomSamples, property.Name)] = new OracleResult(ok, error, lines);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
