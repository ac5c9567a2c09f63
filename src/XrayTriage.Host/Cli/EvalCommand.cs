using System.CommandLine;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Host.Inference;
using XrayTriage.Inference;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage eval DIR [--labels FILE] [--json FILE]</c>: DIR holds <c>&lt;class&gt;/&lt;images&gt;</c>; metrics
/// of the ensemble and of each member (accuracy, balanced accuracy, per-class sensitivity/specificity/precision/F1/AUC,
/// confusion matrix, expected calibration error), the ensemble's triage figures at the manifest thresholds with
/// bootstrap intervals, and with <c>--labels</c> the same per source of the films; a progress bar on stderr.</summary>
internal static class EvalCommand
{
    private const int BatchSize = 16;

    public static Command Create()
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "A folder with one sub-folder per class (normal, covid19, viral_pneumonia, lung_opacity).",
        };
        var json = new Option<string?>("--json") { Description = "Also write the metrics as one JSON object to this file." };
        var labels = new Option<string?>("--labels")
        {
            Description = "A labels.csv (relative_path, sha256, source_repo columns) to break the metrics down by source.",
        };
        var ignoreContentGate = new Option<bool>("--ignore-content-gate")
        {
            Description = "Do not count the films the content gate would refuse.",
        };
        var thresholds = new Option<string?>("--thresholds")
        {
            Description = "Decide triage with this site thresholds file (from 'xraytriage calibrate --out').",
        };
        var command = new Command("eval", "Evaluate the ensemble and its members on labelled images.")
        {
            folder, labels, json, ignoreContentGate, thresholds,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(
            new EvalRequest(
                parseResult.GetRequiredValue(folder),
                parseResult.GetValue(labels),
                parseResult.GetValue(json),
                parseResult.GetValue(ignoreContentGate),
                parseResult.GetValue(thresholds)),
            parseResult));
        return command;
    }

    private static int Run(EvalRequest request, ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var images = EvalSet.Find(request.Folder, out var problem);
        if (images is null)
        {
            stderr.WriteLine($"xraytriage eval: {problem}");
            return 1;
        }

        var labelsFile = request.LabelsPath is null ? null : EvalLabels.TryLoad(request.LabelsPath, stderr);
        if (request.LabelsPath is not null && labelsFile is null)
        {
            return 1;
        }

        using var models = ModelCommandHost.TryStart("eval", parseResult.UnmatchedTokens, stderr, out var exitCode, request.ThresholdsPath);
        if (models is null)
        {
            return exitCode;
        }

        var evaluated = new List<string>();
        var truth = new List<int>();
        var ensemble = new List<double[]>();
        var members = models.Engine.Manifest.Members.Select(_ => new List<double[]>()).ToArray();
        var unreadable = 0;
        var progress = new ProgressBar(stderr, images.Count);
        var contentGate = new EvalContentGate(models.Engine, request.IgnoreContentGate);
        foreach (var batch in images.Chunk(BatchSize))
        {
            var inputs = new EnsembleInput?[batch.Length];
            Parallel.For(0, batch.Length, i =>
            {
                try
                {
                    inputs[i] = models.Inputs.Build(
                        ModelImageFile.Load(batch[i].Path, EligibilityOptions.Default, models.Inputs.RenderOptions).Image);
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
                evaluated.Add(readable[i].Path);
                truth.Add(readable[i].Label);
                contentGate.Observe(predictions[i], readable[i].Label);
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
        var policy = models.Engine.TriagePolicy;
        var probabilities = new List<IReadOnlyList<double[]>> { ensemble };
        probabilities.AddRange(members);
        var names = new List<string> { "ensemble" };
        names.AddRange(models.Engine.Manifest.Members.Select(m => m.Name));
        var results = names.Select((name, i) => (name, ClassificationMetrics.Compute(labels, truth, probabilities[i]))).ToList();
        var match = labelsFile?.Match(evaluated);
        var perSource = match is null ? null : probabilities.Select(p => SourceBreakdown.Compute(truth, p, match.Sources, policy)).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            var title = i == 0 ? "ensemble" : $"member {names[i]}";
            EvalReport.Print(stdout, title, results[i].Item2);
            if (perSource is not null)
            {
                EvalSourceReport.Print(stdout, title, perSource[i]);
            }
        }

        var triage = TriageMetrics.Compute(truth, ensemble, policy);
        EvalTriageReport.Print(stdout, triage, models.Engine.Manifest.Triage);
        contentGate.Print(stdout, match?.Sources);
        stdout.WriteLine(models.ProviderLine);
        stdout.WriteLine(models.OperatingPointLine);
        if (unreadable > 0)
        {
            stdout.WriteLine($"{unreadable} image(s) could not be read and are not counted (see stderr).");
        }

        if (labelsFile is not null && match is not null)
        {
            stdout.WriteLine(
                $"labels {labelsFile.Path}: {match.ByPath} image(s) matched by path, {match.ByHash} by SHA-256, {match.Unlisted} unlisted");
        }

        if (request.JsonPath is not null)
        {
            var labelsSummary = labelsFile is not null && match is not null ? (labelsFile.Path, match) : ((string, EvalSourceMatch)?)null;
            File.WriteAllText(request.JsonPath, EvalReport.Json(results, truth.Count, triage, perSource, labelsSummary));
            stdout.WriteLine($"wrote {request.JsonPath}");
        }

        return 0;
    }
}
