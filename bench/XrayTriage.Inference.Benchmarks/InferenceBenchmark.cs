using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace XrayTriage.Inference.Benchmarks;

/// <summary>Per batch size: warm every mode up, then time rounds in which every mode runs once, the order rotating from
/// round to round, until the time budget of that batch size is spent (at least <see cref="BenchmarkSettings.MinRounds"/>).
/// Bare and engine runs of one round are seconds apart, so their ratio is compared pairwise.</summary>
/// With <c>ungated</c> (the same members, the manifest's content gate removed) a further mode prices the gate.
internal sealed class InferenceBenchmark(
    BenchmarkSettings settings,
    EnsembleEngine engine,
    EnsembleEngine? ungated,
    BareEnsemble bare,
    BenchmarkInputs inputs,
    TextWriter progress)
{
    private float _sink;

    public static InferenceOptions EngineOptions(int threads, int maxBatch) => new()
    {
        ExecutionProvider = ExecutionProviders.Cpu,
        IntraOpThreads = threads,
        MaxBatch = maxBatch,
    };

    /// <summary>Largest difference between the engine's member logits and the bare sessions' for the same batch.</summary>
    public float CheckLogits(int count)
    {
        bare.Prepare(inputs, count);
        var predictions = engine.Predict(inputs.EnsembleInputs(count, heatmap: null));
        var worst = 0f;
        for (var m = 0; m < engine.MemberInputs.Count; m++)
        {
            var logits = bare.Logits(m, count);
            var classes = logits.Length / count;
            for (var i = 0; i < count; i++)
            {
                for (var k = 0; k < classes; k++)
                {
                    worst = Math.Max(worst, Math.Abs(predictions[i].Members[m].Logits[k] - logits[(i * classes) + k]));
                }
            }
        }

        return worst;
    }

    public async Task<IReadOnlyList<ModeResult>> RunAsync(int count, CancellationToken cancellationToken)
    {
        bare.Prepare(inputs, count);
        var plain = inputs.EnsembleInputs(count, heatmap: null);
        var withHeatmap = settings.HeatmapSize > 0
            ? inputs.EnsembleInputs(count, new HeatmapSize(settings.HeatmapSize, settings.HeatmapSize))
            : null;
        await using var batcher = new EnsembleBatcher(
            engine, EngineOptions(settings.Threads, count), TimeProvider.System, NullLogger.Instance);

        var modes = new List<BenchmarkMode>
        {
            new(BenchmarkMode.Bare, n =>
            {
                _sink += bare.Run(n);
                return ValueTask.CompletedTask;
            }),
            new(BenchmarkMode.Engine, _ =>
            {
                _sink += engine.Predict(plain)[0].Members[0].Logits[0];
                return ValueTask.CompletedTask;
            }),
            new(BenchmarkMode.Batcher, async _ =>
            {
                var predictions = await Task.WhenAll(plain.Select(input => batcher.PredictAsync(input, cancellationToken)));
                _sink += predictions[0].Members[0].Logits[0];
            }),
        };
        if (ungated is not null)
        {
            modes.Add(new(BenchmarkMode.EngineWithoutGate, _ =>
            {
                _sink += ungated.Predict(plain)[0].Members[0].Logits[0];
                return ValueTask.CompletedTask;
            }));
        }

        if (withHeatmap is not null)
        {
            modes.Add(new(BenchmarkMode.Heatmap, _ =>
            {
                _sink += engine.Predict(withHeatmap)[0].Heatmap!.Values[0];
                return ValueTask.CompletedTask;
            }));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var roundSeconds = 0.0;
        for (var w = 0; w < BenchmarkSettings.WarmUpRounds; w++)
        {
            roundSeconds = 0;
            foreach (var mode in modes)
            {
                roundSeconds += await TimeAsync(mode, count);
            }
        }

        var rounds = (int)Math.Clamp(settings.BudgetSeconds / roundSeconds, BenchmarkSettings.MinRounds, BenchmarkSettings.MaxRounds);
        await progress.WriteLineAsync(
            $"batch {count}: one round of {modes.Count} modes ≈ {roundSeconds:F2} s; timing {rounds} rounds");
        var seconds = modes.ToDictionary(m => m.Name, _ => new List<double>(rounds));
        for (var r = 0; r < rounds; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 0; j < modes.Count; j++)
            {
                var mode = modes[(r + j) % modes.Count];
                seconds[mode.Name].Add(await TimeAsync(mode, count));
            }
        }

        var bareSeconds = seconds[BenchmarkMode.Bare];
        return [.. modes.Select(m => new ModeResult(
            m.Name,
            count,
            seconds[m.Name],
            [.. seconds[m.Name].Select((s, r) => s / bareSeconds[r])]))];
    }

    /// <summary>Keeps the results observable so no run can be optimized away.</summary>
    public float Sink => _sink;

    private static async ValueTask<double> TimeAsync(BenchmarkMode mode, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await mode.Run(count);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
