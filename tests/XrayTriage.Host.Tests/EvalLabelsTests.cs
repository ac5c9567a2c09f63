using System.Security.Cryptography;
using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>eval --labels</c>: each film's source found by path or by hash, the per-source table and the triage
/// figures in text and JSON, run as the real executable on four films of the shared set.</summary>
public sealed class EvalLabelsTests : IDisposable
{
    private const string Header = "split,class,relative_path,sha256,source_repo,source_path";
    private static readonly string Models = $"--Models:Path={XrayTriageExecutable.ModelsPath}";
    private readonly string _folder = Directory.CreateTempSubdirectory("xraytriage-eval-labels-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Eval_LabelsByPathHashAndUnlisted_PerSourceTableAndTriageInTextAndJson()
    {
        var byPath = Link("normal", 0, keepName: true);
        var byHash = Link("covid19", 0, keepName: false);
        Link("normal", 1, keepName: true);
        Link("covid19", 1, keepName: true);
        var labels = Path.Combine(_folder, "labels.csv");
        await File.WriteAllTextAsync(labels, $"""
            {Header}
            val,normal,set/normal/{Path.GetFileName(byPath)},{new string('0', 64)},test/path-source,a/1.png
            val,covid19,val/covid19/somewhere-else.jpg,{Sha256(byHash).ToUpperInvariant()},test/hash-source,b/2.jpg
            val,covid19,val/covid19/not-in-the-set.jpg,{new string('1', 64)},test/absent-source,c/3.jpg

            """);
        var json = Path.Combine(_folder, "metrics.json");

        var result = await XrayTriageExecutable.RunAsync(
            ["eval", Path.Combine(_folder, "set"), "--labels", labels, "--json", json, Models]);

        result.EnsureSuccess("eval --labels");
        var stdout = result.StandardOutput;
        Assert.Contains("1 image(s) matched by path, 1 by SHA-256, 2 unlisted", stdout, StringComparison.Ordinal);
        Assert.Contains("ensemble by source:", stdout, StringComparison.Ordinal);
        Assert.Contains("member resnet18-224 by source:", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  test/hash-source +covid19 +1 +[01]\.000  urgent [01]/1 ", stdout);
        Assert.Matches(@"\n  test/path-source +normal +1 +[01]\.000  routine [01]/1 ", stdout);
        Assert.Matches(@"\n  unlisted +normal +1 .*\n +covid19 +1 ", stdout);
        Assert.DoesNotContain("test/absent-source", stdout, StringComparison.Ordinal);
        Assert.Contains(ShippedCovidThresholdLine(), stdout, StringComparison.Ordinal);
        Assert.Contains("2000 resamples, seed 15", stdout, StringComparison.Ordinal);
        Assert.Matches(@"abnormal films flagged urgent: +[0-9.]+ \([012]/2\)", stdout);
        Assert.Matches(@"normal films left routine: +[0-9.]+ \([012]/2\)", stdout);
        Assert.Matches(@"abnormal vs normal AUC \(1 − P\(normal\)\): [0-9.]+ \[", stdout);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("images").GetInt32());
        var models = new[] { root.GetProperty("ensemble") }
            .Concat(root.GetProperty("members").EnumerateObject().Select(m => m.Value))
            .ToList();
        Assert.Equal(3, models.Count);
        foreach (var model in models)
        {
            Assert.Equal(
                ["accuracy", "balancedAccuracy", "ece", "confusionMatrix", "perClass", "perSource"],
                model.EnumerateObject().Select(p => p.Name));
            var sources = model.GetProperty("perSource").EnumerateArray().ToList();
            Assert.Equal(["test/hash-source", "test/path-source", "unlisted"], sources.Select(s => s.GetProperty("source").GetString()));
            Assert.Equal([1, 1, 2], sources.Select(s => s.GetProperty("images").GetInt32()));
            Assert.Equal(JsonValueKind.Null, sources[0].GetProperty("auc").ValueKind);
            Assert.Equal(JsonValueKind.Number, sources[2].GetProperty("auc").ValueKind);
            var unlisted = sources[2].GetProperty("classes").EnumerateArray().ToList();
            Assert.Equal(["normal", "covid19"], unlisted.Select(c => c.GetProperty("class").GetString()));
            Assert.Equal(["class", "n", "correct", "accuracy", "routine"], unlisted[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, unlisted[1].GetProperty("urgent").GetProperty("of").GetInt32());
        }

        var triage = root.GetProperty("triage");
        Assert.Equal(["value", "low", "high"], triage.GetProperty("auc").EnumerateObject().Select(p => p.Name));
        foreach (var share in new[] { "abnormalFlagged", "normalRoutine" })
        {
            Assert.Equal(["value", "low", "high", "n", "of"], triage.GetProperty(share).EnumerateObject().Select(p => p.Name));
            Assert.Equal(2, triage.GetProperty(share).GetProperty("of").GetInt32());
        }

        Assert.Equal(ShippedCovidThreshold(), triage.GetProperty("thresholds").GetProperty("covid19").GetDouble());
        Assert.Equal(
            ["covid19", "viral_pneumonia", "lung_opacity"],
            triage.GetProperty("thresholds").EnumerateObject().Select(p => p.Name));
        var summary = root.GetProperty("labels");
        Assert.Equal(
            (1, 1, 2),
            (summary.GetProperty("byPath").GetInt32(),
             summary.GetProperty("byHash").GetInt32(),
             summary.GetProperty("unlisted").GetInt32()));
    }

    [Fact]
    public async Task Eval_LabelsWithoutSourceColumn_ExitsOneNamingTheColumn()
    {
        Link("normal", 0, keepName: true);
        var labels = Path.Combine(_folder, "labels.csv");
        await File.WriteAllTextAsync(labels, "split,class,relative_path,sha256,source_path\nval,normal,a.png,00,x.png\n");

        var result = await XrayTriageExecutable.RunAsync(["eval", Path.Combine(_folder, "set"), "--labels", labels, Models]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no 'source_repo' column", line, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    /// <summary>Links the <paramref name="index"/>-th film of the shared val/<paramref name="label"/> into set/label,
    /// under its own name or under another one (so that only its hash can find it).</summary>
    private string Link(string label, int index, bool keepName)
    {
        var source = Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val", label)).Order(StringComparer.Ordinal).ElementAt(index);
        var name = keepName ? Path.GetFileName(source) : "renamed-" + Path.GetFileName(source);
        var target = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "set", label)).FullName, name);
        File.CreateSymbolicLink(target, source);
        return target;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static double ShippedCovidThreshold()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(XrayTriageExecutable.ModelsPath, "ensemble.json")));
        return manifest.RootElement
            .GetProperty("triage")
            .GetProperty("findings")
            .GetProperty("covid19")
            .GetProperty("threshold")
            .GetDouble();
    }

    /// <summary>The threshold line eval prints for covid19, from the shipped manifest (the numbers change with the model).</summary>
    private static string ShippedCovidThresholdLine()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(XrayTriageExecutable.ModelsPath, "ensemble.json")));
        var covid = manifest.RootElement.GetProperty("triage").GetProperty("findings").GetProperty("covid19");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"covid19          ≥ {covid.GetProperty("threshold").GetDouble():0.0000}  " +
            $"manifest: sensitivity {covid.GetProperty("sensitivity").GetDouble():0.000}, " +
            $"specificity {covid.GetProperty("specificity").GetDouble():0.000}");
    }
}
