using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>A real, small ONNX ensemble made once per run by the training recipe's smoke mode
/// (<c>models/training/train.sh --smoke DIR</c>: two members, a few images, one step, manifest with SHA-256).</summary>
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
