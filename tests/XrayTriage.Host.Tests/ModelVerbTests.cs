using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>classify</c> and <c>eval</c> with the shipped ensemble (models/), run as the real executable.</summary>
public sealed class ModelVerbTests
{
    private static readonly string Models = $"--Models:Path={XrayTriageExecutable.ModelsPath}";

    private static string Chest =>
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");

    private static string CxrImage(string split, string label) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, split, label)).Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task Classify_PngJpegAndDicom_PrintsEnsembleMembersPriorityAndProvider()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["classify", CxrImage("val", "normal"), CxrImage("val", "covid19"), Chest, Models]);

        result.EnsureSuccess("classify");
        var stdout = result.StandardOutput;
        Assert.Contains("(DICOM)", stdout, StringComparison.Ordinal);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.Contains(", priority ", StringComparison.Ordinal)));
        Assert.Equal(3, stdout.Split('\n').Count(l => l.TrimStart().StartsWith("ensemble ", StringComparison.Ordinal)));
        Assert.Contains("provider: CPU", stdout, StringComparison.Ordinal);
        Assert.Contains("CUDA execution provider unavailable", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_Json_ProbabilitiesSumToOneAndHeatmapIsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-heatmaps-").FullName;
        try
        {
            var result = await XrayTriageExecutable.RunAsync(["classify", Chest, "--json", "--heatmap", folder, Models]);

            result.EnsureSuccess("classify --json");
            using var document = JsonDocument.Parse(result.StandardOutput);
            Assert.Equal("CPU", document.RootElement.GetProperty("provider").GetString());
            var item = Assert.Single(document.RootElement.GetProperty("results").EnumerateArray());
            var probabilities = item.GetProperty("probabilities");
            Assert.Equal(["normal", "covid19", "viral_pneumonia", "lung_opacity"], probabilities.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1.0, probabilities.EnumerateObject().Sum(p => p.Value.GetDouble()), 4);
            Assert.True(item.GetProperty("priority").GetString() is "urgent" or "routine");
            Assert.Equal(2, item.GetProperty("members").EnumerateObject().Count());
            var heatmap = item.GetProperty("heatmap").GetString()!;
            var png = await PeerTools.RunPythonAsync(
                "import sys; from PIL import Image; im = Image.open(sys.argv[1]); print(im.size[0], im.size[1], im.mode)",
                [heatmap]);
            Assert.Equal("440 440 RGB", png.EnsureSuccess("PIL").StandardOutput.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Classify_NonChestAndCorruptFiles_NotAssessableAndOneLineEach()
    {
        var extremity = Path.Combine(RepositoryPaths.DicomSamples, "other", "cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm");
        var corrupt = Path.Combine(Path.GetTempPath(), $"xraytriage-corrupt-{Guid.NewGuid():N}.dcm");
        await File.WriteAllBytesAsync(corrupt, new byte[300]);
        try
        {
            var result = await XrayTriageExecutable.RunAsync(["classify", extremity, corrupt, Chest, Models]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("priority not-assessable", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("(DICOM):", result.StandardOutput, StringComparison.Ordinal);
            Assert.Single(result.StandardError.Split('\n'), l => l.Contains(corrupt, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public async Task Classify_CudaRequiredOnAMachineWithoutCuda_RefusesWithOneLine()
    {
        var result = await XrayTriageExecutable.RunAsync(["classify", Chest, Models, "--Inference:ExecutionProvider=cuda"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CUDA execution provider unavailable", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_SmallLabelledFolder_WritesTheStableJsonContract()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-eval-").FullName;
        var json = Path.Combine(folder, "metrics.json");
        try
        {
            string[] labels = ["normal", "covid19", "viral_pneumonia", "lung_opacity"];
            foreach (var label in labels)
            {
                var target = Directory.CreateDirectory(Path.Combine(folder, "set", label)).FullName;
                foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", label))
                    .Order(StringComparer.Ordinal)
                    .Take(3))
                {
                    File.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(file)), file);
                }
            }

            var result = await XrayTriageExecutable.RunAsync(["eval", Path.Combine(folder, "set"), "--json", json, Models]);

            result.EnsureSuccess("eval");
            Assert.Contains("ensemble: accuracy", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("12/12", result.StandardError, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = document.RootElement;
            Assert.Equal(12, root.GetProperty("images").GetInt32());
            Assert.Equal(9, root.GetProperty("triage").GetProperty("abnormalFlagged").GetProperty("of").GetInt32());
            Assert.Equal(3, root.GetProperty("triage").GetProperty("normalRoutine").GetProperty("of").GetInt32());
            Assert.False(root.TryGetProperty("labels", out _));
            var models = new[] { root.GetProperty("ensemble") }
                .Concat(root.GetProperty("members").EnumerateObject().Select(m => m.Value))
                .ToList();
            Assert.Equal(3, models.Count);
            foreach (var model in models)
            {
                Assert.InRange(model.GetProperty("accuracy").GetDouble(), 0, 1);
                Assert.False(model.TryGetProperty("perSource", out _), "perSource comes only with --labels");
                Assert.InRange(model.GetProperty("balancedAccuracy").GetDouble(), 0, 1);
                Assert.InRange(model.GetProperty("ece").GetDouble(), 0, 1);
                Assert.Equal(12, model.GetProperty("confusionMatrix").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt32())));
                Assert.Equal(labels, model.GetProperty("perClass").EnumerateObject().Select(p => p.Name));
                foreach (var perClass in model.GetProperty("perClass").EnumerateObject())
                {
                    Assert.Equal(
                        ["sensitivity", "specificity", "precision", "f1", "auc"],
                        perClass.Value.EnumerateObject().Select(p => p.Name));
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Eval_FolderWithAnUnknownClass_SaysWhichAndExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-eval-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "pneumothorax"));
        try
        {
            var result = await XrayTriageExecutable.RunAsync(["eval", folder, Models]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("pneumothorax", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
