using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

[Collection(TriageEnvironment.Name)]
public sealed class TriageMetricsTests(PostgresFixture postgres, SmokeEnsembleFixture ensemble)
{
    [Fact]
    public async Task Meter_AfterTriageAndFailure_CountsLatencyAndQueueDepth()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var measurements = new ConcurrentQueue<(string Name, double Value, string? State)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TriageMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, null)));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, null)));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) =>
        {
            string? state = null;
            foreach (var tag in tags)
            {
                state = tag.Key == "state" ? tag.Value as string : state;
            }

            measurements.Enqueue((i.Name, v, state));
        });
        listener.Start();

        await bed.ReceiveAsync(TriageTestBed.SmallChest);
        await bed.ReceiveAsync(TriageTestBed.SmallChest, recordedSha256: new string('0', 64));
        await bed.StartHostAsync(new() { ["Triage:MaxAttempts"] = "1" });
        await bed.WaitUntilSettledAsync(2, TimeSpan.FromMinutes(2));

        // The first observation starts the count in the database; a later one reports it.
        var deadline = TimeProvider.System.GetTimestamp();
        while (!measurements.Any(m => m.Name == "xraytriage.triage.queue.depth" && m.State == "Triaged" && m.Value == 1)
            && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(20))
        {
            listener.RecordObservableInstruments();
            await Task.Delay(100);
        }

        Assert.Equal(1, measurements.Where(m => m.Name == "xraytriage.triage.instances.triaged").Sum(m => m.Value));
        Assert.Equal(1, measurements.Where(m => m.Name == "xraytriage.triage.instances.failed").Sum(m => m.Value));
        Assert.Contains(measurements, m => m.Name == "xraytriage.triage.claim_to_complete.duration" && m.Value > 0);
        Assert.Contains(measurements, m => m.Name == "xraytriage.triage.queue.depth" && m.State == "Triaged" && m.Value == 1);
        Assert.Contains(measurements, m => m.Name == "xraytriage.triage.queue.depth" && m.State == "Failed" && m.Value == 1);
    }
}
