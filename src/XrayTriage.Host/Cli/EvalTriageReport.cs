using System.Globalization;
using XrayTriage.Inference;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary>The triage section of <c>xraytriage eval</c>: the active thresholds beside the figures the manifest
/// stored for them, then the ensemble's abnormal-vs-normal AUC and the urgent/routine shares with their intervals.</summary>
internal static class EvalTriageReport
{
    public static void Print(TextWriter stdout, TriageMetrics triage, TriageManifest manifest)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c,
            $"triage (ensemble) at the manifest thresholds (chosen on {manifest.ChosenOn}, {manifest.Target}); " +
            $"{PercentileBootstrap.Level:0%} bootstrap intervals, {triage.Resamples} resamples, seed {triage.Seed}:"));
        foreach (var (finding, threshold) in triage.Thresholds)
        {
            stdout.WriteLine(string.Create(c,
                $"  {finding,-16} ≥ {threshold:0.0000}  {Stored(manifest.Findings.GetValueOrDefault(finding))}"));
        }

        stdout.WriteLine($"  abnormal vs normal AUC (1 − P(normal)): {Estimate(triage.Auc)}");
        stdout.WriteLine($"  abnormal films flagged urgent:          {Share(triage.AbnormalFlagged)}");
        stdout.WriteLine($"  normal films left routine:              {Share(triage.NormalRoutine)}");
    }

    private static string Stored(FindingThresholdManifest? stored)
    {
        if (stored is null || (stored.Sensitivity, stored.Specificity, stored.NormalSpecificity) is (null, null, null))
        {
            return "manifest stores no sensitivity/specificity";
        }

        var parts = new List<string>();
        if (stored.Sensitivity is not null)
        {
            parts.Add($"sensitivity {EvalText.Number(stored.Sensitivity)}");
        }

        if (stored.Specificity is not null)
        {
            parts.Add($"specificity {EvalText.Number(stored.Specificity)}");
        }

        if (stored.NormalSpecificity is not null)
        {
            parts.Add($"normal specificity {EvalText.Number(stored.NormalSpecificity)}");
        }

        return "manifest: " + string.Join(", ", parts);
    }

    private static string Share(ShareEstimate share)
        => share.Of == 0 ? $"– (0/0)" : $"{EvalText.Number(share.Estimate.Value)} ({share.Count}/{share.Of}) {Interval(share.Estimate)}";

    private static string Estimate(IntervalEstimate estimate)
        => estimate.Value is null ? "– (needs normal and abnormal films)" : $"{EvalText.Number(estimate.Value)} {Interval(estimate)}";

    private static string Interval(IntervalEstimate estimate)
        => estimate.Low is null ? "" : $"[{EvalText.Number(estimate.Low)}, {EvalText.Number(estimate.High)}]";
}
