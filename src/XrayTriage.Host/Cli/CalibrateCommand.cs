using System.CommandLine;
using System.Security.Cryptography;
using XrayTriage.Dicom;
using XrayTriage.Host.Inference;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Inference;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage calibrate DIR [--sensitivity 0.95] [--out FILE] [--by NAME] [--json]</c>: DIR is laid out as
/// for <c>eval</c> (<c>&lt;class&gt;/&lt;images&gt;</c>). Per finding, on these films: AUC, the threshold reaching the
/// target sensitivity and what it and the shipped threshold give, with bootstrap intervals; with <c>--out</c>, the site
/// thresholds file that <c>Triage:ThresholdsPath</c> and <c>--thresholds</c> read.</summary>
internal static class CalibrateCommand
{
    private const int BatchSize = 16;

    public static Command Create()
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "A folder with one sub-folder per class (normal, covid19, viral_pneumonia, lung_opacity) " +
                "of the site's own films.",
        };
        var sensitivity = new Option<double>("--sensitivity")
        {
            Description = "Target sensitivity of every finding.",
            DefaultValueFactory = _ => 0.95,
        };
        var output = new Option<string?>("--out") { Description = "Write the site thresholds file here (without it, only print)." };
        var by = new Option<string?>("--by") { Description = "Who calibrated (default: the user running the command)." };
        var json = new Option<bool>("--json") { Description = "Print the calibration as one JSON document instead of a table." };
        var command = new Command("calibrate", "Choose the triage thresholds on a site's own labelled films.")
        {
            folder, sensitivity, output, by, json,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(folder),
            parseResult.GetValue(sensitivity),
            parseResult.GetValue(output),
            parseResult.GetValue(by) ?? Environment.UserName,
            parseResult.GetValue(json),
            parseResult));
        return command;
    }

    private static int Run(string folder, double target, string? outPath, string by, bool json, ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        if (!(target > 0 && target <= 1))
        {
            stderr.WriteLine($"xraytriage calibrate: --sensitivity must be in (0, 1] (got {target}).");
            return 1;
        }

        var images = EvalSet.Find(folder, out var problem);
        if (images is null)
        {
            stderr.WriteLine($"xraytriage calibrate: {problem}");
            return 1;
        }

        using var models = ModelCommandHost.TryStart("calibrate", parseResult.UnmatchedTokens, stderr, out var exitCode);
        if (models is null)
        {
            return exitCode;
        }

        var films = Score(models, folder, images, stderr);
        if (films.Count == 0)
        {
            stderr.WriteLine("xraytriage calibrate: no image could be read.");
            return 1;
        }

        var manifest = models.Engine.Manifest;
        var shipped = TriagePolicy.ShippedOperatingPoint(manifest).Thresholds;
        var calibration = SiteCalibrator.Calibrate(
            [.. films.Select(f => f.Label)], [.. films.Select(f => f.Probabilities)], shipped, target);
        var thresholds = SiteThresholds.From(
            calibration, manifest, FilmSetHash.Compute(films.Select(f => (f.RelativePath, f.Sha256))), by, TimeProvider.System.GetUtcNow());
        if (json)
        {
            stdout.WriteLine(CalibrateReport.Json(calibration, thresholds));
        }
        else
        {
            CalibrateReport.Print(stdout, calibration);
            stdout.WriteLine(models.ProviderLine);
        }

        foreach (var label in calibration.ClassesWithTooFewFilms)
        {
            stderr.WriteLine(
                $"xraytriage calibrate: warning: {label} has {calibration.FilmsPerClass[label]} film(s), " +
                $"fewer than {SiteCalibrator.TooFewFilms}: too few to trust.");
        }

        if (images.Count > films.Count)
        {
            stderr.WriteLine($"xraytriage calibrate: {images.Count - films.Count} image(s) could not be read and are not counted.");
        }

        if (outPath is null)
        {
            return 0;
        }

        if (thresholds is null)
        {
            stderr.WriteLine("xraytriage calibrate: a finding has no film, so no thresholds file is written.");
            return 1;
        }

        SiteThresholdsFile.Write(outPath, thresholds);
        (json ? stderr : stdout).WriteLine($"wrote {Path.GetFullPath(outPath)}");
        return 0;
    }

    /// <summary>The ensemble's probabilities of every readable film, with the same loading and preprocessing as
    /// <c>eval</c> and <c>classify</c>, and each file's SHA-256 for the film set's hash.</summary>
    private static List<ScoredFilm> Score(
        ModelCommandHost models, string folder, IReadOnlyList<(string Path, int Label)> images, TextWriter stderr)
    {
        var films = new List<ScoredFilm>(images.Count);
        var progress = new ProgressBar(stderr, images.Count);
        foreach (var batch in images.Chunk(BatchSize))
        {
            var inputs = new EnsembleInput?[batch.Length];
            var hashes = new string?[batch.Length];
            Parallel.For(0, batch.Length, i =>
            {
                try
                {
                    inputs[i] = models.Inputs.Build(
                        ModelImageFile.Load(batch[i].Path, EligibilityOptions.Default, models.Inputs.RenderOptions).Image);
                    using var stream = File.OpenRead(batch[i].Path);
                    hashes[i] = Convert.ToHexStringLower(SHA256.HashData(stream));
                }
                catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException or UnauthorizedAccessException)
                {
                    progress.Note($"{batch[i].Path}: {ex.Message.ReplaceLineEndings(" ")}");
                    inputs[i] = null;
                }
            });
            var readable = Enumerable.Range(0, batch.Length).Where(i => inputs[i] is not null).ToArray();
            var predictions = models.Engine.Predict([.. readable.Select(i => inputs[i]!)]);
            for (var k = 0; k < readable.Length; k++)
            {
                var (path, label) = batch[readable[k]];
                films.Add(new ScoredFilm(
                    Path.GetRelativePath(folder, path).Replace('\\', '/'), hashes[readable[k]]!, label, predictions[k].Probabilities));
            }

            progress.Advance(batch.Length);
        }

        progress.Done();
        return films;
    }

    private sealed record ScoredFilm(string RelativePath, string Sha256, int Label, double[] Probabilities);
}
