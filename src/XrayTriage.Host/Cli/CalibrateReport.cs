using System.Globalization;
using System.Text.Json;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Host.Cli;

/// <summary>The table (and JSON) <c>xraytriage calibrate</c> prints.</summary>
internal static class CalibrateReport
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(TextWriter stdout, SiteCalibration calibration)
    {
        var culture = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(culture,
            $"calibration on {calibration.Films} films " +
            $"({string.Join(", ", calibration.FilmsPerClass.Select(c => $"{c.Key} {c.Value}"))}); " +
            $"target sensitivity {calibration.TargetSensitivity:0.###}; " +
            $"95 % bootstrap intervals ({calibration.Resamples} resamples, seed {calibration.Seed})"));
        foreach (var finding in calibration.Findings)
        {
            stdout.WriteLine(string.Create(culture,
                $"{finding.Finding}: {finding.Positives} positives, {finding.Negatives} negatives, " +
                $"AUC {Format(finding.Auc)}{(finding.TooFew ? "  (too few to trust)" : "")}"));
            stdout.WriteLine("  site    " + (finding.Calibrated is { } site ? Row(site) : "no threshold: no film of this finding"));
            stdout.WriteLine("  shipped " + Row(finding.Shipped));
        }
    }

    public static string Json(SiteCalibration calibration, SiteThresholds? thresholds)
    {
        var document = new Dictionary<string, object?>
        {
            ["films"] = calibration.Films,
            ["filmsPerClass"] = calibration.FilmsPerClass,
            ["targetSensitivity"] = calibration.TargetSensitivity,
            ["resamples"] = calibration.Resamples,
            ["seed"] = calibration.Seed,
            ["tooFewToTrust"] = calibration.ClassesWithTooFewFilms.ToList(),
            ["findings"] = calibration.Findings.ToDictionary(f => f.Finding, f => (object)new Dictionary<string, object?>
            {
                ["positives"] = f.Positives,
                ["negatives"] = f.Negatives,
                ["auc"] = Interval(f.Auc),
                ["site"] = f.Calibrated is { } site ? Point(site) : null,
                ["shipped"] = Point(f.Shipped),
            }),
            ["thresholdsFile"] = thresholds,
        };
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    private static string Row(OperatingPointEstimate point) => string.Create(CultureInfo.InvariantCulture,
        $"threshold {Format(point.Threshold, "0.0000")}  sensitivity {Format(point.Sensitivity)}  " +
        $"specificity {Format(point.Specificity)}  normal specificity {Format(point.NormalSpecificity)}");

    private static string Format(Estimate estimate, string format = "0.000")
    {
        if (estimate.Value is not { } value)
        {
            return "n/a";
        }

        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return estimate.Lower is { } lower && estimate.Upper is { } upper
            ? string.Create(CultureInfo.InvariantCulture,
                $"{text} [{lower.ToString(format, CultureInfo.InvariantCulture)}, {upper.ToString(format, CultureInfo.InvariantCulture)}]")
            : text;
    }

    private static Dictionary<string, object?> Point(OperatingPointEstimate point) => new()
    {
        ["threshold"] = Interval(point.Threshold),
        ["sensitivity"] = Interval(point.Sensitivity),
        ["specificity"] = Interval(point.Specificity),
        ["normalSpecificity"] = Interval(point.NormalSpecificity),
    };

    private static Dictionary<string, double?> Interval(Estimate estimate) => new()
    {
        ["value"] = estimate.Value,
        ["lower"] = estimate.Lower,
        ["upper"] = estimate.Upper,
    };
}
