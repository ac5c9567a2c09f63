using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using XrayTriage.Inference;
using XrayTriage.Inference.Benchmarks;

// Ensemble latency and throughput on the CPU against bare ONNX Runtime sessions of the same members, same process.
// Markdown on stdout, progress on stderr. See run.sh and docs/benchmarks.md ("Inference").
BenchmarkSettings settings;
EnsembleManifest manifest;
try
{
    settings = BenchmarkSettings.Parse(args);
    manifest = EnsembleManifest.Load(Path.Combine(settings.ModelsFolder, EnsembleManifest.FileName));
}
catch (Exception ex) when (ex is ArgumentException or FormatException or InferenceException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(
        "No ensemble? Make a small one: models/training/train.sh --smoke /tmp/bench-smoke, then --models /tmp/bench-smoke.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var started = TimeProvider.System.GetUtcNow();
var loadBefore = MachineInfo.LoadAverage();
var progress = Console.Error;
await progress.WriteLineAsync($"loading {settings.ModelsFolder} ({manifest.Members.Count} members, {settings.Threads} intra-op threads)");
using var engine = EnsembleEngine.Create(manifest, InferenceBenchmark.EngineOptions(settings.Threads, maxBatch: 8), NullLogger.Instance);
using var ungated = manifest.ContentGate is null
    ? null
    : EnsembleEngine.Create(
        manifest with { ContentGate = null },
        InferenceBenchmark.EngineOptions(settings.Threads, maxBatch: 8),
        NullLogger.Instance);
using var bare = BareEnsemble.Create(manifest, settings.Threads);
var inputs = BenchmarkInputs.Create(engine.MemberInputs, settings.Batches.Max());
var benchmark = new InferenceBenchmark(settings, engine, ungated, bare, inputs, progress);

var results = new List<ModeResult>();
var worstLogit = 0f;
foreach (var batch in settings.Batches)
{
    worstLogit = Math.Max(worstLogit, benchmark.CheckLogits(batch));
    results.AddRange(await benchmark.RunAsync(batch, cancellation.Token));
}

var elapsed = TimeProvider.System.GetUtcNow() - started;
var c = CultureInfo.InvariantCulture;
var stdout = Console.Out;
await stdout.WriteLineAsync(string.Create(c, $"Inference benchmark, {started:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:F1} min"));
await stdout.WriteLineAsync();
await stdout.WriteLineAsync(
    $"- machine: {MachineInfo.Describe()}; 1-min load average {loadBefore} before, {MachineInfo.LoadAverage()} after");
await stdout.WriteLineAsync(
    $"- models: {settings.ModelsFolder} — {manifest.Name} {manifest.Version}, members "
    + string.Join(", ", manifest.Members.Select(
        m => $"{m.Name} ({m.Architecture}, {m.Input.Channels}×{m.Input.Height}×{m.Input.Width})")));
await stdout.WriteLineAsync(
    $"- provider {engine.ActiveProvider}, {settings.Threads} intra-op threads on both sides; heatmap "
    + (settings.HeatmapSize > 0 ? $"{settings.HeatmapSize}×{settings.HeatmapSize}" : "not measured")
    + string.Create(c, $"; engine logits = bare logits within {worstLogit:G3}"));
await stdout.WriteLineAsync();
MarkdownReport.Write(stdout, results);
await progress.WriteLineAsync(string.Create(c, $"checksum {benchmark.Sink:G6}"));
return 0;
