using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace XrayTriage.Inference;

/// <summary>Meter <c>XrayTriage.Inference</c>: which execution provider each loaded ensemble runs on, images
/// classified, batch sizes and batch durations (what the micro-batcher achieves on the GPU or CPU).</summary>
internal static class InferenceMetrics
{
    public const string MeterName = "XrayTriage.Inference";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<EnsembleEngine, byte> Loaded = new();

    private static readonly Counter<long> Images = Meter.CreateCounter<long>(
        "xraytriage.inference.images", "{image}", "Images run through the ensemble.");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "xraytriage.inference.batch.size", "{image}", "Images per ensemble batch (one session run per member).");

    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "xraytriage.inference.batch.duration", "s", "Wall time of one ensemble batch, all members.");

    static InferenceMetrics()
    {
        Meter.CreateObservableGauge(
            "xraytriage.inference.provider",
            () => Loaded.Keys.Select(e => new Measurement<int>(
                1,
                new KeyValuePair<string, object?>("provider", e.ActiveProvider),
                new KeyValuePair<string, object?>("ensemble", e.Manifest.Name),
                new KeyValuePair<string, object?>("version", e.Manifest.Version))),
            description: "1 for each loaded ensemble, tagged with the execution provider it runs on (CUDA or CPU).");
    }

    public static void Register(EnsembleEngine engine) => Loaded.TryAdd(engine, 0);

    public static void Unregister(EnsembleEngine engine) => Loaded.TryRemove(engine, out _);

    public static void RecordBatch(string provider, int count, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        Images.Add(count, tag);
        BatchSize.Record(count, tag);
        BatchDuration.Record(elapsed.TotalSeconds, tag);
    }
}
