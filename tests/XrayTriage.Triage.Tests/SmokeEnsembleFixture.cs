using System.Text.Json.Nodes;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>A real, small ONNX ensemble made once per run by the training recipe's smoke mode
/// (<c>models/training/train.sh --smoke DIR</c>: two members, a few images, one step, manifest with SHA-256).
/// The smoke recipe also fits a content gate on its eight films, which would refuse nearly any other film; these
/// tests measure the classifier path, so the fixture drops the gate from the manifest, and the gate's own tests
/// (ContentGateTriageTests) add gates whose decisions they know (ContentGateFile).</summary>
public sealed class SmokeEnsembleFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "xraytriage-triage-smoke-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.RepositoryRoot, "models", "training", "train.sh");
        var run = await ProcessRunner.RunAsync("/bin/bash", [script, "--smoke", Folder], TimeSpan.FromMinutes(10));
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"train.sh --smoke failed:\n{run.StandardOutput}\n{run.StandardError}");
        }

        var manifestPath = Path.Combine(Folder, "ensemble.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        if (!manifest.Remove("contentGate"))
        {
            throw new InvalidOperationException("train.sh --smoke wrote no contentGate: the recipe no longer fits the gate.");
        }

        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
