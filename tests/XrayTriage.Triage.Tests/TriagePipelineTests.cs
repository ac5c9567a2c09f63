using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using XrayTriage.Inference;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>How the worker overlaps decoding with inference (issue 20): a worker hands its image to the micro-batcher
/// and decodes the next one, so batches fill even with one worker; stopping still finishes every queued image.</summary>
[Collection(TriageEnvironment.Name)]
public sealed class TriagePipelineTests(PostgresFixture postgres, SmokeEnsembleFixture ensemble)
{
    private static readonly string[] Stages =
        [TriageStage.Claim, TriageStage.Read, TriageStage.Decode, TriageStage.Prepare, TriageStage.Inference, TriageStage.Record];

    [Fact]
    public async Task OneWorker_SixteenQueuedImages_BatchesHoldSeveralImagesAndEveryStageIsTimed()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        using var recorded = new Recorder();
        for (var i = 0; i < 16; i++)
        {
            await bed.ReceiveAsync(TriageTestBed.SmallChest, study: (i % 4) + 1);
        }

        // One worker, and a batcher that waits up to 2 s for a batch of 8: a worker that waited for its own image's
        // inference before decoding the next could only ever send batches of one image.
        await bed.StartHostAsync(new()
        {
            ["Triage:Workers"] = "1",
            ["Triage:ClaimBatch"] = "8",
            ["Inference:MaxBatch"] = "8",
            ["Inference:MaxWaitMilliseconds"] = "2000",
        });
        await bed.WaitUntilSettledAsync(16, TimeSpan.FromMinutes(2));

        Assert.Equal(16L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Triaged'"));
        var batches = recorded.Values("xraytriage.inference.batch.size");
        Assert.Equal(16, batches.Sum());
        Assert.True(batches.Max() >= 4, $"batch sizes {string.Join(", ", batches)}");
        foreach (var stage in Stages)
        {
            var times = recorded.Values("xraytriage.triage.stage.duration", stage);
            Assert.True(times.Count >= 16, $"stage {stage}: {times.Count} measurements");
            Assert.All(times, t => Assert.InRange(t, 0, 120));
        }
    }

    [Fact]
    public async Task Stop_ImagesQueuedForInference_AreRecordedBeforeTheWorkerStops()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        for (var i = 0; i < 6; i++)
        {
            await bed.ReceiveAsync(TriageTestBed.SmallChest, study: i + 1);
        }

        // The batcher holds its first image for up to 5 s waiting for a full batch of 8 that never comes.
        var host = await bed.StartHostAsync(new()
        {
            ["Triage:Workers"] = "2",
            ["Triage:ClaimBatch"] = "6",
            ["Inference:MaxBatch"] = "8",
            ["Inference:MaxWaitMilliseconds"] = "5000",
        });
        var deadline = TimeProvider.System.GetTimestamp();
        while (await bed.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Processing'") < 6)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30), "the worker did not claim the six images");
            await Task.Delay(20);
        }

        Assert.Equal(0L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await host.StopAsync(timeout.Token);
        }

        Assert.Equal(6L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Triaged'"));
        Assert.Equal(6L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
    }

    /// <summary>Measurements of the triage and inference meters, with the <c>stage</c> tag where there is one.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, string? Stage)> _measurements = new();

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is TriageMetrics.MeterName or "XrayTriage.Inference")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public List<double> Values(string name, string? stage = null)
            => [.. _measurements.Where(m => m.Name == name && (stage is null || m.Stage == stage)).Select(m => m.Value)];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? stage = null;
            foreach (var tag in tags)
            {
                stage = tag.Key == "stage" ? tag.Value as string : stage;
            }

            _measurements.Enqueue((instrument.Name, value, stage));
        }
    }
}
