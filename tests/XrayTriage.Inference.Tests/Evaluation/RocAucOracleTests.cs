using System.Globalization;
using System.Text.Json;
using XrayTriage.Inference.Evaluation;
using XrayTriage.Testing;

namespace XrayTriage.Inference.Tests.Evaluation;

/// <summary>Our rank-based AUC against an independent brute-force pairwise count in numpy, on scores with many ties.</summary>
public sealed class RocAucOracleTests
{
    /// <summary>argv: class count, then a JSON document {"truth": [...], "scores": [[...], ...]}; prints the AUCs.</summary>
    private const string PairwiseAuc = """
        import json, sys
        import numpy as np
        classes, data = int(sys.argv[1]), json.loads(sys.argv[2])
        truth, scores = np.array(data["truth"]), np.array(data["scores"], dtype=np.float64)
        aucs = []
        for c in range(classes):
            pos, neg = scores[truth == c, c], scores[truth != c, c]
            wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
            aucs.append(float(wins) / (len(pos) * len(neg)))
        print(json.dumps(aucs))
        """;

    [Fact]
    public async Task Compute_RandomScoresWithTies_MatchesNumpyPairwiseCount()
    {
        const int Cases = 300;
        string[] labels = ["normal", "covid19", "viral_pneumonia", "lung_opacity"];
        var random = new Random(20261126);
        var truth = new int[Cases];
        var probabilities = new double[Cases][];
        for (var i = 0; i < Cases; i++)
        {
            truth[i] = random.Next(labels.Length);
            // Two decimals: many exact ties within and across classes; skewed towards the true class.
            probabilities[i] = [.. Enumerable.Range(0, labels.Length)
                .Select(c => Math.Round(Math.Min(1, random.NextDouble() * (c == truth[i] ? 1.3 : 1.0)), 2))];
        }

        var metrics = ClassificationMetrics.Compute(labels, truth, probabilities);

        var payload = JsonSerializer.Serialize(new { truth, scores = probabilities });
        var result = await PeerTools.RunPythonAsync(
            PairwiseAuc, [labels.Length.ToString(CultureInfo.InvariantCulture), payload], TimeSpan.FromMinutes(1));
        result.EnsureSuccess("numpy pairwise AUC");
        var expected = JsonSerializer.Deserialize<double[]>(result.StandardOutput)!;
        Assert.Equal(labels.Length, expected.Length);
        for (var c = 0; c < labels.Length; c++)
        {
            Assert.Equal(expected[c], metrics.PerClass[c].Auc!.Value, 12);
        }
    }
}
