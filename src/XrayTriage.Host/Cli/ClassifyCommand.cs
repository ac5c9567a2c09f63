using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Host.Inference;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Inference;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage classify FILE… [--json] [--heatmap DIR] [--ignore-eligibility] [--ignore-content-gate]</c>:
/// DICOM (through the imaging pipeline) or PNG/JPEG; per-member and ensemble probabilities, the priority and the
/// provider. An image the content gate refuses (blank, or not a chest radiograph the model can read) gets
/// not-assessable with the reason, score and threshold instead of a class.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DICOM, PNG or JPEG images.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text." };
        var heatmap = new Option<string?>("--heatmap")
        {
            Description = "Write <name>.heatmap.png (class activation map of the predicted class) into this folder.",
        };
        var ignoreEligibility = new Option<bool>("--ignore-eligibility")
        {
            Description = "Classify DICOM images the service would not assess (e.g. not a chest radiograph).",
        };
        var ignoreContentGate = new Option<bool>("--ignore-content-gate")
        {
            Description = "Give a class even when the content gate finds the image blank or not a chest radiograph " +
                "(header rules stay: see --ignore-eligibility).",
        };
        var thresholds = new Option<string?>("--thresholds")
        {
            Description = "Decide with this site thresholds file (from 'xraytriage calibrate --out') instead of the shipped thresholds.",
        };
        var command = new Command("classify", "Classify chest radiographs with the ensemble.")
        {
            files, json, heatmap, ignoreEligibility, ignoreContentGate, thresholds,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(json),
            parseResult.GetValue(heatmap),
            new ClassifyBypass(parseResult.GetValue(ignoreEligibility), parseResult.GetValue(ignoreContentGate)),
            parseResult.GetValue(thresholds),
            parseResult));
        return command;
    }

    private static int Run(
        string[] files, bool json, string? heatmapFolder, ClassifyBypass bypass, string? thresholdsPath, ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        // A "--Section:Key=value" token after the files is configuration, not a file (the FILE argument takes any token).
        var configuration = parseResult.UnmatchedTokens.Concat(files.Where(ModelCommandHost.IsConfigurationToken)).ToList();
        files = [.. files.Where(f => !ModelCommandHost.IsConfigurationToken(f))];
        using var models = ModelCommandHost.TryStart("classify", configuration, stderr, out var exitCode, thresholdsPath);
        if (models is null)
        {
            return exitCode;
        }

        if (heatmapFolder is not null)
        {
            Directory.CreateDirectory(heatmapFolder);
        }

        var results = new List<ClassifyResult>();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                var result = Classify(models, file, heatmapFolder, bypass);
                results.Add(result);
                if (!json)
                {
                    Print(stdout, models.Engine, result);
                }
            }
            catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException or UnauthorizedAccessException)
            {
                failed++;
                stderr.WriteLine($"xraytriage classify: {file}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        if (json)
        {
            stdout.WriteLine(ClassifyJson.Write(models.Engine, results));
        }
        else
        {
            stdout.WriteLine(models.ProviderLine);
            stdout.WriteLine(models.OperatingPointLine);
        }

        return failed == 0 ? 0 : DumpCommand.BadFileExitCode;
    }

    private static ClassifyResult Classify(ModelCommandHost models, string file, string? heatmapFolder, ClassifyBypass bypass)
    {
        var loaded = ModelImageFile.Load(file, EligibilityOptions.Default, heatmapFolder is null ? models.Inputs.RenderOptions : null);
        if (loaded.Eligibility is { IsEligible: false } && !bypass.Eligibility)
        {
            return new ClassifyResult(file, loaded, null, null);
        }

        if (!bypass.ContentGate && models.Inputs.CheckBlank(loaded.Image) is { } blank)
        {
            return new ClassifyResult(file, loaded, null, null) { NotAssessable = blank };
        }

        var prediction = models.Engine.Predict(models.Inputs.Build(loaded.Image, heatmapFolder is not null));
        if (!bypass.ContentGate && NotAssessableVerdict.Of(prediction) is { } refused)
        {
            return new ClassifyResult(file, loaded, prediction, null) { NotAssessable = refused };
        }

        string? heatmapPath = null;
        if (heatmapFolder is not null && prediction.Heatmap is { } map)
        {
            heatmapPath = Path.Combine(heatmapFolder, Path.GetFileNameWithoutExtension(file) + ".heatmap.png");
            HeatmapOverlay.WritePng(heatmapPath, loaded.Image, map.Values);
        }

        return new ClassifyResult(file, loaded, prediction, heatmapPath) { ContentGateIgnored = bypass.ContentGate };
    }

    private static void Print(TextWriter stdout, EnsembleEngine engine, ClassifyResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        if (result.NotAssessable is { } verdict)
        {
            stdout.WriteLine($"{result.File} ({result.Image.Format}): priority not-assessable — {verdict.Describe()}");
            return;
        }

        if (result.Prediction is not { } prediction)
        {
            stdout.WriteLine($"{result.File}: priority not-assessable — {result.Image.Eligibility}");
            return;
        }

        var over = prediction.Triage.FindingsOverThreshold;
        var why = over.Count == 0
            ? "no finding over its threshold"
            : string.Join(", ", over.Select(f => string.Create(culture, $"{f} ≥ {engine.TriagePolicy.ThresholdOf(f):0.###}")));
        stdout.WriteLine(string.Create(culture,
            $"{result.File} ({result.Image.Format}): {prediction.PredictedLabel} " +
            $"{prediction.Probabilities[prediction.PredictedIndex]:0.000}, priority {result.Priority.ToWireName()} ({why})"));
        stdout.WriteLine("  " + Row("ensemble", prediction.Probabilities));
        foreach (var member in prediction.Members)
        {
            stdout.WriteLine("  " + Row(member.Member, member.Probabilities));
        }

        if (result.Image.Eligibility is { IsEligible: false } eligibility)
        {
            stdout.WriteLine($"  note: classified although {eligibility}");
        }

        if (prediction.ContentGate is { } gate)
        {
            stdout.WriteLine(gate.Passed
                ? string.Create(culture, $"  content gate: score {gate.Score:0.#} ≤ threshold {gate.Threshold:0.#}")
                : $"  note: classified although the content gate refused it: {NotAssessableVerdict.Of(prediction)!.Describe()}");
        }

        if (result.HeatmapPath is not null)
        {
            stdout.WriteLine($"  heatmap ({prediction.PredictedLabel}): {result.HeatmapPath}");
        }
    }

    private static string Row(string name, double[] probabilities)
        => name.PadRight(16) + string.Join(
            "  ", EnsembleLabels.All.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l} {probabilities[i]:0.000}")));
}

internal sealed record ClassifyResult(string File, ModelImageFile Image, EnsemblePrediction? Prediction, string? HeatmapPath)
{
    /// <summary>The content gate's refusal: no class is given (the prediction, if any, is not reported).</summary>
    public NotAssessableVerdict? NotAssessable { get; init; }

    /// <summary>True when <c>--ignore-content-gate</c> gave the class whatever the gate said.</summary>
    public bool ContentGateIgnored { get; init; }

    /// <summary>The priority reported: not-assessable when refused, the class decision when the gate is ignored.</summary>
    public TriagePriority Priority => NotAssessable is not null || Prediction is null
        ? TriagePriority.NotAssessable
        : ContentGateIgnored ? Prediction.Triage.Priority : Prediction.Priority;
}

internal static class ClassifyJson
{
    public static string Write(EnsembleEngine engine, IReadOnlyList<ClassifyResult> results)
    {
        var document = new Dictionary<string, object?>
        {
            ["provider"] = engine.ActiveProvider,
            ["ensemble"] = new { name = engine.Manifest.Name, version = engine.Manifest.Version, deviceUid = engine.Manifest.DeviceUid },
            ["operatingPoint"] = engine.TriagePolicy.OperatingPoint?.Describe(),
            ["results"] = results.Select(r => r.NotAssessable is { } verdict
                ? new Dictionary<string, object?>
                {
                    ["file"] = r.File, ["format"] = r.Image.Format, ["priority"] = TriagePriority.NotAssessable.ToWireName(),
                    ["reason"] = verdict.Reason.ToString(),
                    ["score"] = Math.Round(verdict.Score, 4),
                    ["threshold"] = Math.Round(verdict.Threshold, 4),
                    ["detail"] = verdict.Describe(),
                    ["eligibility"] = r.Image.Eligibility?.ToString(),
                }
                : r.Prediction is not { } p
                ? new Dictionary<string, object?>
                {
                    ["file"] = r.File, ["format"] = r.Image.Format, ["priority"] = TriagePriority.NotAssessable.ToWireName(),
                    ["eligibility"] = r.Image.Eligibility?.ToString(),
                }
                : new Dictionary<string, object?>
                {
                    ["file"] = r.File,
                    ["format"] = r.Image.Format,
                    ["predicted"] = p.PredictedLabel,
                    ["priority"] = r.Priority.ToWireName(),
                    ["findingsOverThreshold"] = p.Triage.FindingsOverThreshold,
                    ["probabilities"] = Probabilities(p.Probabilities),
                    ["members"] = p.Members.ToDictionary(m => m.Member, m => Probabilities(m.Probabilities)),
                    ["eligibility"] = r.Image.Eligibility?.ToString(),
                    ["heatmap"] = r.HeatmapPath,
                    ["contentGate"] = p.ContentGate is { } gate
                        ? new
                        {
                            score = Math.Round(gate.Score, 4),
                            threshold = gate.Threshold,
                            passed = gate.Passed,
                            ignored = r.ContentGateIgnored,
                        }
                        : null,
                }).ToList(),
        };
        return JsonSerializer.Serialize(document);
    }

    private static Dictionary<string, double> Probabilities(double[] values)
        => EnsembleLabels.All.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => Math.Round(values[x.i], 6));
}
