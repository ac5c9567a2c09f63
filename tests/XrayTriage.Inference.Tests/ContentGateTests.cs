using Microsoft.Extensions.Logging;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Tests;

/// <summary>The content gate: pooled features of the members (tiny test members: features = [relu(mean), relu(−mean)]
/// per position, so a constant input v pools to [max(v, 0), max(−v, 0)]) scored by a hand-built gate graph.</summary>
public sealed class ContentGateTests
{
    private static readonly MemberSpec First = new("first", Size: 16);
    private static readonly MemberSpec Second = new("second", Size: 24, Pool: 4);

    // Two classes in D = 4 (two members × two channels); W = diag(2, 1, 1, 0.5).
    private static readonly double[] Means = [1, 0, 0, 0, 0, 3, 0, 3];
    private static readonly double[] Whitening = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5];

    [Theory]
    [InlineData(2f)]
    [InlineData(-1.5f)]
    [InlineData(0f)]
    public async Task Predict_WithContentGate_ScoreIsMinimumWhitenedDistanceOfPooledFeatures(float value)
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 1000);
        using var engine = ensemble.CreateEngine();

        var prediction = engine.Predict(EnsembleEngineTests.Input(engine, value));

        Assert.NotNull(prediction.ContentGate);
        Assert.Equal(ExpectedScore(value), prediction.ContentGate.Value.Score, 1e-4);
        Assert.Equal(1000, prediction.ContentGate.Value.Threshold);
        Assert.True(prediction.ContentGate.Value.Passed);
    }

    [Fact]
    public async Task Predict_ScoreAboveThreshold_NotAssessableNotChestRadiograph()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 3.5);
        using var engine = ensemble.CreateEngine();

        // v = 2: f = [2, 0, 2, 0]; class 0: ‖[1,0,2,0]·W‖² = 4 + 4 = 8; class 1: [4, −3, 2, −1.5] → 16 + 9 + 4 + 2.25 = 31.25.
        var refused = engine.Predict(EnsembleEngineTests.Input(engine, 2f));
        // v = 0.5: f = [0.5, 0, 0.5, 0]; class 0: [−1, 0, 0.5, 0] → 1 + 0.25 = 1.25 ≤ 3.5.
        var passed = engine.Predict(EnsembleEngineTests.Input(engine, 0.5f));

        Assert.Equal(8, refused.ContentGate!.Value.Score, 1e-4);
        Assert.True(refused.IsNotChestRadiograph);
        Assert.Equal(TriagePriority.NotAssessable, refused.Priority);
        var verdict = NotAssessableVerdict.Of(refused);
        Assert.NotNull(verdict);
        Assert.Equal(NotAssessableReason.NotChestRadiograph, verdict.Reason);
        Assert.Equal("NotChestRadiograph (score 8 > threshold 3.5)", verdict.Describe());
        Assert.False(passed.IsNotChestRadiograph);
        Assert.Null(NotAssessableVerdict.Of(passed));
        Assert.NotEqual(TriagePriority.NotAssessable, passed.Priority);
    }

    [Fact]
    public async Task Predict_BatchOfDifferentImages_EachImageGetsItsOwnScore()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 3.5);
        using var engine = ensemble.CreateEngine();
        float[] values = [2f, 0.5f, -1.5f];

        var predictions = engine.Predict([.. values.Select(v => EnsembleEngineTests.Input(engine, v))]);

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(ExpectedScore(values[i]), predictions[i].ContentGate!.Value.Score, 1e-4);
        }
    }

    [Fact]
    public async Task Create_GateFileDiffersFromManifestHash_IsRefused()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 3.5);
        ensemble.Manifest["contentGate"]!["sha256"] = new string('0', 64);

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains("Content gate", error.Message, StringComparison.Ordinal);
        Assert.Contains("content-gate.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_GateDimensionDiffersFromMembersFeatures_IsRefused()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 3.5);

        var error = Assert.Throws<InferenceException>(() => ensemble.CreateEngine());

        Assert.Contains("D = 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 channels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ManifestWithoutGate_LoadsWithOneWarningAndNoVerdict()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        var logger = new ListLogger();
        using var engine = ensemble.CreateEngine(logger);

        var prediction = engine.Predict(EnsembleEngineTests.Input(engine, 2f));

        Assert.Null(engine.ContentGate);
        Assert.Null(prediction.ContentGate);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("no content gate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("threshold", "-1", "contentGate.threshold")]
    [InlineData("method", "\"energy\"", "contentGate.method")]
    [InlineData("file", "\"../gate.onnx\"", "contentGate.file")]
    [InlineData("sha256", "\"abc\"", "contentGate.sha256")]
    public async Task Load_InvalidContentGate_FailsNamingField(string field, string json, string expected)
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        await ensemble.AddContentGateAsync(4, Means, Whitening, threshold: 3.5);
        ensemble.Manifest["contentGate"]![field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        var error = Assert.Throws<InferenceException>(() => ensemble.LoadManifest());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 8, true)]
    [InlineData(8, 8, false)]
    public void Blank_RangeAgainstMinimum_RefusedOnlyBelowIt(int range, int minimum, bool refused)
    {
        var gate = new ContentGateManifest("mahalanobis-tied-covariance", "g.onnx", new string('a', 64), "pooled", "score", 10,
            new BlankCheckManifest(minimum, [0.01, 0.99]));

        var verdict = NotAssessableVerdict.Blank(gate, range);

        Assert.Equal(refused, verdict is { Reason: NotAssessableReason.BlankImage });
        Assert.Null(NotAssessableVerdict.Blank(null, 0));
    }

    private static double ExpectedScore(float value)
    {
        double[] f = [Math.Max(value, 0), Math.Max(-value, 0), Math.Max(value, 0), Math.Max(-value, 0)];
        double[] w = [2, 1, 1, 0.5];
        var best = double.MaxValue;
        for (var k = 0; k < 2; k++)
        {
            var distance = 0.0;
            for (var d = 0; d < 4; d++)
            {
                var diff = (f[d] - Means[(k * 4) + d]) * w[d];
                distance += diff * diff;
            }

            best = Math.Min(best, distance);
        }

        return best;
    }
}
