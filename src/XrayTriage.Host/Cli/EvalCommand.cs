using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Host.Inference;
using XrayTriage.Inference;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage eval DIR [--json FILE]</c>: DIR holds <c>&lt;class&gt;/&lt;images&gt;</c>; metrics of the ensemble
/// and of each member (accuracy, balanced accuracy, per-class sensitivity/specificity/precision/F1/AUC, confusion
/// matrix, expected calibration error), with a progress bar on stderr.</summary>
internal static class EvalCommand
{
    private const int BatchSize = 16;

    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "A folder with one sub-folder per class (normal, covid19, viral_pneumonia, lung_opacity)." };
        var json = new Option<string?>("--json") { Description = "Also write the metrics as one JSON object to this file." };
        var thresholds = new Option<string?>("--thresholds") { Description = "Decide triage with this site thresholds file (from 'xraytriage calibrate --out')." };
        var command = new Command("eval", "Evaluate the ensemble and its members on labelled images.") { folder, json, thresholds };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(folder), parseResult.GetValue(json), parseResult, parseResult.GetValue(thresholds)));
        return command;
    }

    private static int Run(string folder, string? jsonPath, ParseResult parseResult, string? thresholdsPath = null)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var images = EvalSet.Find(folder, out var problem);
        if (images is null)
        {
            stderr.WriteLine($"xraytriage eval: {problem}");
            return 1;
        }

        using var models = ModelCommandHost.TryStart("eval", parseResult.UnmatchedTokens, stderr, out var exitCode, thresholdsPath);
        if (models is null)
        {
            return exitCode;
        }

        var truth = new List<int>();
        var ensemble = new List<double[]>();
        var members = models.Engine.Manifest.Members.Select(_ => new List<double[]>()).ToArray();
        var unreadable = 0;
        var progress = new ProgressBar(stderr, images.Count);
        foreach (var batch in images.Chunk(BatchSize))
        {
            var inputs = new EnsembleInput?[batch.Length];
            Parallel.For(0, batch.Length, i =>
            {
                try
                {
                    inputs[i] = models.Inputs.Build(ModelImage.Load(batch[i].Path, EligibilityOptions.Default).Image);
                }
                catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException or UnauthorizedAccessException)
                {
                    progress.Note($"{batch[i].Path}: {ex.Message.ReplaceLineEndings(" ")}");
                    Interlocked.Increment(ref unreadable);
                }
            });
            var readable = batch.Where((_, i) => inputs[i] is not null).ToArray();
            var predictions = models.Engine.Predict([.. inputs.OfType<EnsembleInput>()]);
            for (var i = 0; i < readable.Length; i++)
            {
                truth.Add(readable[i].Label);
                ensemble.Add(predictions[i].Probabilities);
                for (var m = 0; m < members.Length; m++)
                {
                    members[m].Add(predictions[i].Members[m].Probabilities);
                }
            }

            progress.Advance(batch.Length);
        }

        progress.Done();
        if (truth.Count == 0)
        {
            stderr.WriteLine("xraytriage eval: no image could be read.");
            return 1;
        }

        var labels = EnsembleLabels.All;
        var results = new List<(string Name, ClassificationMetrics Metrics)> { ("ensemble", ClassificationMetrics.Compute(labels, truth, ensemble)) };
        results.AddRange(models.Engine.Manifest.Members.Select((m, i) => (m.Name, ClassificationMetrics.Compute(labels, truth, members[i]))));
        foreach (var (name, metrics) in results)
        {
            EvalReport.Print(stdout, name == "ensemble" ? "ensemble" : $"member {name}", metrics);
        }

        stdout.WriteLine(models.ProviderLine);
        stdout.WriteLine(models.OperatingPointLine);
        if (unreadable > 0)
        {
            stdout.WriteLine($"{unreadable} image(s) could not be read and are not counted (see stderr).");
        }

        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, EvalReport.Json(results, truth.Count));
            stdout.WriteLine($"wrote {jsonPath}");
        }

        return 0;
    }
}

/// <summary>The labelled images of an evaluation folder, class by class in label order, files sorted.</summary>
internal static class EvalSet
{
    public static IReadOnlyList<(string Path, int Label)>? Find(string folder, out string problem)
    {
        problem = "";
        if (!Directory.Exists(folder))
        {
            problem = $"{folder} is not a folder.";
            return null;
        }

        var labels = EnsembleLabels.All;
        var unknown = Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => !labels.Contains(n!)).ToList();
        if (unknown.Count > 0)
        {
            problem = $"{folder}: sub-folder(s) {string.Join(", ", unknown)} are not classes; expected {string.Join(", ", labels)}.";
            return null;
        }

        var images = labels
            .SelectMany((label, index) => Directory.Exists(Path.Combine(folder, label))
                ? Directory.GetFiles(Path.Combine(folder, label)).Order(StringComparer.Ordinal).Select(p => (p, index))
                : [])
            .ToList();
        if (images.Count == 0)
        {
            problem = $"{folder}: no images under {string.Join(", ", labels.Select(l => l + "/"))}.";
            return null;
        }

        return images;
    }
}

/// <summary>A one-line progress bar on stderr (<c>[#####-----] 120/396 9.8 img/s, 28 s left</c>).</summary>
internal sealed class ProgressBar(TextWriter writer, int total)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _lock = new();
    private int _done;

    public void Advance(int count)
    {
        lock (_lock)
        {
            _done += count;
            var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            var rate = _done / Math.Max(elapsed, 1e-3);
            var filled = (int)(30.0 * _done / total);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('-', 30 - filled)}] {_done}/{total} {rate:0.0} img/s, {(total - _done) / Math.Max(rate, 1e-3):0} s left "));
        }
    }

    public void Note(string line)
    {
        lock (_lock)
        {
            writer.WriteLine($"\rxraytriage eval: {line}");
        }
    }

    public void Done() => writer.WriteLine();
}
