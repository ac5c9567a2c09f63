using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Inference;
using XrayTriage.Triage;

// Bare decode + bare batched inference (the reference of bench/pipeline/flatout.sh):
//   XrayTriage.Pipeline.Benchmarks --models DIR --films DIR [--batch 8] [--threads 0] [--out FILE]
// Phase 1 reads, parses, renders and builds the member tensors of every file one after the other; phase 2 runs the
// ensemble on those inputs in batches of --batch (a heatmap at the service's stored size, as the worker asks for).
// Prints and writes JSON: per-image milliseconds of each phase, images/s = files / (decode + inference), and the
// process's CPU time per image over both phases.
var options = ParseArguments(args);
var files = Directory.GetFiles(options["--films"]).Order(StringComparer.Ordinal).ToArray();
var batch = int.Parse(options.GetValueOrDefault("--batch", "8"), CultureInfo.InvariantCulture);
var threads = int.Parse(options.GetValueOrDefault("--threads", "0"), CultureInfo.InvariantCulture);
var inferenceOptions = new InferenceOptions { ExecutionProvider = ExecutionProviders.Cpu, IntraOpThreads = threads, MaxBatch = batch };
using var engine = EnsembleEngine.Load(options["--models"], inferenceOptions, NullLogger.Instance);
var inputs = new ModelInputs(engine);

// Warm-up: JIT of the decode path and the sessions' first run stay out of the timing.
engine.Predict(Prepare(files[0]));
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var prepared = files.Select(Prepare).ToList();
var decodeSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
for (var start = 0; start < prepared.Count; start += batch)
{
    engine.Predict(prepared.GetRange(start, Math.Min(batch, prepared.Count - start)));
}

var inferenceSeconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
var result = new
{
    files = files.Length,
    batch,
    threads,
    decode_ms_per_image = decodeSeconds * 1000 / files.Length,
    inference_ms_per_image = inferenceSeconds * 1000 / files.Length,
    images_per_s = files.Length / (decodeSeconds + inferenceSeconds),
    cpu_ms_per_image = cpuSeconds * 1000 / files.Length,
};
var json = JsonSerializer.Serialize(result);
Console.WriteLine(json);
if (options.TryGetValue("--out", out var outFile))
{
    File.WriteAllText(outFile, json);
}

EnsembleInput Prepare(string path)
{
    var image = MonochromeImage.Render(DicomFile.Open(new MemoryStream(File.ReadAllBytes(path), writable: false)));
    var longSide = Math.Max(image.Width, image.Height);
    var side = Math.Min(InferenceHeatmap.MaxSide, longSide);
    var shortSide = Math.Max(1, (int)Math.Round((double)Math.Min(image.Width, image.Height) * side / longSide));
    var heatmap = image.Width >= image.Height ? new HeatmapSize(side, shortSide) : new HeatmapSize(shortSide, side);
    _ = inputs.CheckBlank(image);
    return inputs.Build(image) with { Heatmap = heatmap };
}

static Dictionary<string, string> ParseArguments(string[] args)
{
    var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        parsed[args[i]] = args[i + 1];
    }

    foreach (var required in new[] { "--models", "--films" })
    {
        if (!parsed.ContainsKey(required))
        {
            Console.Error.WriteLine(
                "usage: XrayTriage.Pipeline.Benchmarks --models DIR --films DIR [--batch 8] [--threads 0] [--out FILE]");
            Environment.Exit(2);
        }
    }

    return parsed;
}
