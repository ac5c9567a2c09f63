using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Models;

/// <summary>Runs the training recipe's smoke mode once (<c>models/training/train.sh --smoke DIR</c>: ImageNet import
/// from the NuGet ONNX, two members, a few images, one step, ONNX export, manifest, PyTorch reference outputs).</summary>
public sealed class SmokeEnsembleFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "xraytriage-smoke-" + Guid.NewGuid().ToString("N")[..8]);

    public ProcessResult Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.RepositoryRoot, "models", "training", "train.sh");
        Run = await ProcessRunner.RunAsync("/bin/bash", [script, "--smoke", Folder], TimeSpan.FromMinutes(10));
        if (!Run.Succeeded)
        {
            throw new InvalidOperationException($"train.sh --smoke failed:\n{Run.StandardOutput}\n{Run.StandardError}");
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
