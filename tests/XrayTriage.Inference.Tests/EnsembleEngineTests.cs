using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Tests;

public sealed class EnsembleEngineTests
{
    private static readonly MemberSpec First = new("first", Size: 16, Bias: [1, 2, 0.5f, -1], Weight: 0.55);
    private static readonly MemberSpec Second =
        new("second", Size: 24, Pool: 4, W2: [1, -1, 2, 0, 0, 3, -1, 1], Bias: [0.25f, -0.5f, 1.5f, 0], Weight: 0.25);

    [Fact]
    public async Task Predict_TwoMembersZeroInput_IsWeightedMeanOfSoftmaxOfBiases()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        using var engine = ensemble.CreateEngine();

        var prediction = engine.Predict(Input(engine, 0f));

        // Zero input: features are relu(0) = 0, so the logits are the biases.
        double[] firstSoftmax = Softmax([1, 2, 0.5, -1]);
        double[] secondSoftmax = Softmax([0.25, -0.5, 1.5, 0]);
        for (var k = 0; k < 4; k++)
        {
            var expected = ((0.55 * firstSoftmax[k]) + (0.25 * secondSoftmax[k])) / 0.8;
            Assert.Equal(expected, prediction.Probabilities[k], 1e-6);
            Assert.Equal(firstSoftmax[k], prediction.Members[0].Probabilities[k], 1e-6);
        }

        Assert.Equal([1f, 2f, 0.5f, -1f], prediction.Members[0].Logits);
        Assert.Equal(1.0, prediction.Probabilities.Sum(), 1e-9);
        Assert.Equal(Array.IndexOf(prediction.Probabilities, prediction.Probabilities.Max()), prediction.PredictedIndex);
    }

    [Theory]
    [InlineData(0.75f)]
    [InlineData(-1.25f)]
    public async Task Predict_ConstantInput_LogitsAsComputedByHand(float value)
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        using var engine = ensemble.CreateEngine();

        var prediction = engine.Predict(Input(engine, value));

        for (var m = 0; m < 2; m++)
        {
            var expected = ensemble.Members[m].LogitsForConstant(value);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(expected[k], prediction.Members[m].Logits[k], 1e-5);
            }
        }

        var ensembleExpected = new double[4];
        for (var m = 0; m < 2; m++)
        {
            var softmax = Softmax(ensemble.Members[m].LogitsForConstant(value).Select(l => (double)l).ToArray());
            for (var k = 0; k < 4; k++)
            {
                ensembleExpected[k] += engine.Weights[m] * softmax[k];
            }
        }

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(ensembleExpected[k], prediction.Probabilities[k], 1e-6);
        }
    }

    [Fact]
    public async Task Predict_BatchOfN_EqualsNSingles()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        using var engine = ensemble.CreateEngine();
        var random = new Random(7);
        var inputs = Enumerable.Range(0, 5)
            .Select(_ => new EnsembleInput(
                engine.MemberInputs
                    .Select(s => Enumerable.Range(0, s.TensorLength).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray())
                    .ToArray(),
                new HeatmapSize(20, 10)))
            .ToList();

        var batch = engine.Predict(inputs);

        Assert.Equal(5, batch.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var single = engine.Predict(inputs[i]);
            Assert.Equal(single.PredictedIndex, batch[i].PredictedIndex);
            Assert.Equal(single.Priority, batch[i].Priority);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(single.Probabilities[k], batch[i].Probabilities[k], 1e-6);
            }

            Assert.Equal(single.Heatmap!.Values.Length, batch[i].Heatmap!.Values.Length);
            for (var p = 0; p < single.Heatmap.Values.Length; p++)
            {
                Assert.Equal(single.Heatmap.Values[p], batch[i].Heatmap!.Values[p], 1e-5);
            }
        }
    }

    [Fact]
    public async Task Predict_TensorOfWrongLength_FailsNamingMember()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First, Second);
        using var engine = ensemble.CreateEngine();

        var error = Assert.Throws<ArgumentException>(() => engine.Predict(new EnsembleInput([new float[3 * 16 * 16], new float[10]])));

        Assert.Contains("member 'second' needs 3×24×24 = 1728 floats (got 10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithoutHeatmapRequest_HasNoHeatmap()
    {
        using var ensemble = await TestEnsemble.CreateAsync(First);
        using var engine = ensemble.CreateEngine();

        var prediction = engine.Predict(new EnsembleInput([new float[First.TensorLength]]));

        Assert.Null(prediction.Heatmap);
    }

    [Fact]
    public async Task Predict_BrightSquareInOneCorner_HeatmapPeaksInsideTheSquare()
    {
        // Evidence for covid19 (index 1) is feature 0 = relu(mean of channels): bright pixels.
        var member = new MemberSpec("cam", Size: 32, Pool: 4, W2: [0, 0, 4, 0, 0, 0, 0, 0]);
        using var ensemble = await TestEnsemble.CreateAsync(member, member with { Name = "cam2", Weight = 0.5 });
        using var engine = ensemble.CreateEngine();
        var tensor = new float[member.TensorLength];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 24; y < 32; y++)
            {
                for (var x = 24; x < 32; x++)
                {
                    tensor[(c * 32 * 32) + (y * 32) + x] = 1f;
                }
            }
        }

        var prediction = engine.Predict(new EnsembleInput([tensor, tensor], new HeatmapSize(128, 96)));

        Assert.Equal("covid19", prediction.PredictedLabel);
        var heatmap = prediction.Heatmap!;
        Assert.Equal(128 * 96, heatmap.Values.Length);
        var peak = Array.IndexOf(heatmap.Values, heatmap.Values.Max());
        var (peakX, peakY) = (peak % 128, peak / 128);
        Assert.InRange(peakX, 96, 127);
        Assert.InRange(peakY, 72, 95);
        Assert.Equal(1f, heatmap.Values.Max());
        Assert.Equal(0f, heatmap.Values.Min());
        Assert.Equal(0f, heatmap.Values[0]);
    }

    [Fact]
    public async Task Predict_Thresholds_DecideTriage()
    {
        // Zero input gives the biases as logits; covid19 gets softmax([0, 2, 0, 0])[1] ≈ 0.711 ≥ 0.3.
        using var urgent = await TestEnsemble.CreateAsync(new MemberSpec("u", Bias: [0, 2, 0, 0]));
        using var routine = await TestEnsemble.CreateAsync(new MemberSpec("r", Bias: [3, 0, 0, 0]));
        using var urgentEngine = urgent.CreateEngine();
        using var routineEngine = routine.CreateEngine();

        var u = urgentEngine.Predict(new EnsembleInput([new float[768]]));
        var r = routineEngine.Predict(new EnsembleInput([new float[768]]));

        Assert.Equal(TriagePriority.Urgent, u.Priority);
        Assert.Equal(["covid19"], u.Triage.FindingsOverThreshold);
        Assert.Equal(TriagePriority.Routine, r.Priority);
        Assert.Empty(r.Triage.FindingsOverThreshold);
    }

    internal static EnsembleInput Input(EnsembleEngine engine, float value)
        => new(engine.MemberInputs.Select(s => Enumerable.Repeat(value, s.TensorLength).ToArray()).ToArray());

    private static double[] Softmax(double[] logits)
    {
        var exp = logits.Select(l => Math.Exp(l)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
