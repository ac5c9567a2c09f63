using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>classify</c> and <c>eval</c> with the content gate, run as the real executable: the shipped models as
/// they are, and a copy of them with a gate whose score is ‖pooled features‖² (threshold 0 refuses every image with
/// any feature activation, so the refusal path is exercised without a fitted gate).</summary>
public sealed class ContentGateVerbTests : IAsyncLifetime
{
    private const int ShippedPooledFeatures = 1024; // two ResNet-18 members × 512 channels
    private readonly string _gated = Directory.CreateTempSubdirectory("xraytriage-gated-models-").FullName;

    private static string Screenshot => Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "screenshots", "worklist.png");

    private string GatedModels => $"--Models:Path={_gated}";

    public Task InitializeAsync()
        => ContentGateFile.CopyWithGateAsync(XrayTriageExecutable.ModelsPath, _gated, ShippedPooledFeatures, scale: 1, threshold: 0);

    public Task DisposeAsync()
    {
        Directory.Delete(_gated, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Classify_WorklistScreenshotWithShippedModels_NotAssessable()
    {
        var result = await XrayTriageExecutable.RunAsync(["classify", Screenshot, $"--Models:Path={XrayTriageExecutable.ModelsPath}"]);

        result.EnsureSuccess("classify");
        Assert.Contains("priority not-assessable — NotChestRadiograph (score ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_GateRefusesScreenshot_PrintsReasonScoreAndThresholdAndNoClass()
    {
        var text = await XrayTriageExecutable.RunAsync(["classify", Screenshot, GatedModels]);
        var json = await XrayTriageExecutable.RunAsync(["classify", Screenshot, "--json", GatedModels]);

        text.EnsureSuccess("classify");
        Assert.Contains(
            "worklist.png (PNG): priority not-assessable — NotChestRadiograph (score ",
            text.StandardOutput,
            StringComparison.Ordinal);
        Assert.Contains(" > threshold 0)", text.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("  ensemble ", text.StandardOutput, StringComparison.Ordinal); // no probability row
        json.EnsureSuccess("classify --json");
        using var document = JsonDocument.Parse(json.StandardOutput);
        var entry = document.RootElement.GetProperty("results")[0];
        Assert.Equal("not-assessable", entry.GetProperty("priority").GetString());
        Assert.Equal("NotChestRadiograph", entry.GetProperty("reason").GetString());
        Assert.True(entry.GetProperty("score").GetDouble() > 0);
        Assert.Equal(0, entry.GetProperty("threshold").GetDouble());
        Assert.False(entry.TryGetProperty("predicted", out _));
    }

    [Fact]
    public async Task Classify_IgnoreContentGate_GivesTheClassAndNotesTheRefusal()
    {
        var result = await XrayTriageExecutable.RunAsync(["classify", Screenshot, "--ignore-content-gate", GatedModels]);

        result.EnsureSuccess("classify");
        Assert.Contains(", priority ", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("priority not-assessable", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(
            "note: classified although the content gate refused it: NotChestRadiograph",
            result.StandardOutput,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_ConstantGrayPng_BlankImageBeforeTheModel()
    {
        var png = Path.Combine(_gated, "constant.png");
        var write = await PeerTools.RunPythonAsync(
            "import sys\nfrom PIL import Image\nImage.new('L', (96, 80), 131).save(sys.argv[1])",
            [png]);
        write.EnsureSuccess("PIL");

        var result = await XrayTriageExecutable.RunAsync(["classify", png, GatedModels]);

        result.EnsureSuccess("classify");
        Assert.Contains("priority not-assessable — BlankImage (grey-level range 0 < 8)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_GatedModels_CountsNotAssessableFilmsPerClassSeparately()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-eval-gate-").FullName;
        try
        {
            foreach (var label in new[] { "normal", "covid19", "viral_pneumonia", "lung_opacity" })
            {
                var target = Directory.CreateDirectory(Path.Combine(folder, label)).FullName;
                foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", label))
                    .Order(StringComparer.Ordinal)
                    .Take(1))
                {
                    File.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(file)), file);
                }
            }

            var gated = await XrayTriageExecutable.RunAsync(["eval", folder, GatedModels]);
            var ignored = await XrayTriageExecutable.RunAsync(["eval", folder, "--ignore-content-gate", GatedModels]);

            gated.EnsureSuccess("eval");
            Assert.Contains(
                "content gate (threshold 0): not assessable 4/4 — normal 1/1, covid19 1/1, viral_pneumonia 1/1, lung_opacity 1/1",
                gated.StandardOutput,
                StringComparison.Ordinal);
            ignored.EnsureSuccess("eval --ignore-content-gate");
            Assert.Contains("content gate: ignored (--ignore-content-gate)", ignored.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
