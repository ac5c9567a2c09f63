using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Models;

/// <summary>The recipe's source-aware parts (models/training/data.py, triage.py, ensemble.py), run by Debian's Python
/// on the real labels or on hand-built numbers whose answers are worked out in the comments.</summary>
public sealed class SourceAwareRecipeTests
{
    private static readonly string Training = Path.Combine(RepositoryPaths.RepositoryRoot, "models", "training");

    [Fact]
    public async Task BalancedDraws_OnTheRealTrainingLabels_DrawClassesAndTheSourcesInsideEachClassEqually()
    {
        var script = $$"""
            import json, os, numpy as np, data
            root = {{JsonSerializer.Serialize(RepositoryPaths.CxrData)}}
            items = data.list_images(os.path.join(root, "train"))
            labels, groups = np.array([l for _, l in items]), data.sources(items, root)
            drawn = data.balanced_draws(labels, groups, np.random.default_rng(15), 40000)
            out = {}
            for i in drawn:
                key = data.LABELS[labels[i]] + "|" + groups[i]
                out[key] = out.get(key, 0) + 1
            print(json.dumps({"unlisted": int((groups == data.UNLISTED).sum()), "counts": out}))
            """;
        var result = await RunPythonAsync(script);
        using var document = JsonDocument.Parse(result);
        Assert.Equal(0, document.RootElement.GetProperty("unlisted").GetInt32());
        var counts = document.RootElement.GetProperty("counts").EnumerateObject()
            .Select(p => (Class: p.Name.Split('|')[0], Source: p.Name.Split('|')[1], Share: p.Value.GetInt32() / 40000.0)).ToList();
        foreach (var byClass in counts.GroupBy(c => c.Class))
        {
            Assert.InRange(byClass.Sum(c => c.Share), 0.24, 0.26);
            var expected = 0.25 / byClass.Count();
            Assert.All(byClass, c => Assert.InRange(c.Share, expected - 0.012, expected + 0.012));
        }

        // 4 classes; normal has four sources and covid19 two: the 2,504 SIIM COVID films weigh as much as the 476 web ones.
        Assert.Equal(8, counts.Count);
        Assert.Equal(4, counts.Count(c => c.Class == "normal"));
    }

    [Fact]
    public async Task ChooseThresholds_TwoSourcesOfAFinding_TakesTheThresholdThatHoldsOnBoth()
    {
        // covid19 (column 1): source A scores 0.9 0.8 0.7 0.6, source B 0.5 0.4 0.3 0.2. Target sensitivity 0.75:
        // A alone would allow 0.7 (3 of 4), B needs 0.3 (3 of 4) → 0.3; pooled sensitivity then 7/8.
        // Normals' covid19 scores 0.1 0.35 0.25 0.05 → one of four reaches 0.3 → normalSpecificity 0.75.
        const string script = """
            import json, numpy as np, triage
            covid = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
            normal = [0.1, 0.35, 0.25, 0.05]
            rows = [[1 - c, c, 0, 0] for c in covid] + [[1 - n, n, 0, 0] for n in normal]
            rows += [[0.5, 0, 0.5, 0], [0.5, 0, 0, 0.5]]
            p = np.array(rows)
            labels = np.array([1] * 8 + [0] * 4 + [2, 3])
            groups = np.array(["A"] * 4 + ["B"] * 4 + ["N"] * 4 + ["V", "O"])
            f = triage.choose_thresholds(p, labels, groups, 0.75)["covid19"]
            print(json.dumps(f))
            """;
        using var document = JsonDocument.Parse(await RunPythonAsync(script));
        var finding = document.RootElement;
        Assert.Equal(0.3, finding.GetProperty("threshold").GetDouble(), 6);
        Assert.Equal(0.875, finding.GetProperty("sensitivity").GetDouble(), 4);
        Assert.Equal(0.75, finding.GetProperty("normalSpecificity").GetDouble(), 4);
    }

    [Fact]
    public async Task GroupNll_AveragesEachClassAndSourceGroupAlike()
    {
        // Group (0, A): two films with p = 0.5 → NLL ln 2; group (0, B): one film with p = 0.25 → ln 4.
        // Mean over groups = (ln 2 + ln 4) / 2 = 1.5 ln 2, whereas the pooled mean would be (2 ln 2 + ln 4) / 3.
        const string script = """
            import numpy as np, ensemble
            p = np.array([[0.5, 0.5], [0.5, 0.5], [0.25, 0.75]])
            print(ensemble.group_nll(p, np.array([0, 0, 0]), np.array(["A", "A", "B"])))
            """;
        var value = double.Parse(await RunPythonAsync(script), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1.5 * Math.Log(2), value, 9);
    }

    private static async Task<string> RunPythonAsync(string script)
    {
        var result = await ProcessRunner.RunAsync("/usr/bin/python3", ["-c", script], TimeSpan.FromMinutes(2), workingDirectory: Training);
        return result.EnsureSuccess("python3 (recipe)").StandardOutput.Trim();
    }
}
