using System.Globalization;
using System.Text;

namespace XrayTriage.Core.Pipeline;

/// <summary>The thresholds triage is deciding with and where they come from: the shipped ones of the model manifest, or a
/// site's own from <c>xraytriage calibrate</c> (<c>Triage:ThresholdsPath</c>). Shown on the study page, in
/// <c>/health/ready</c>, by <c>models verify</c>, in the SR and in the audit trail.</summary>
/// <param name="Kind"><see cref="Shipped"/> or <see cref="SiteCalibrated"/>.</param>
/// <param name="Thresholds">Threshold per finding (ensemble probability ≥ threshold is a finding).</param>
/// <param name="Target">What the thresholds were chosen to reach, e.g. <c>sensitivity&gt;=0.95</c>.</param>
/// <param name="ChosenOn">Where they were chosen: the training recipe's split (<c>val</c>) or the site's film count.</param>
/// <param name="CalibratedAt">When a site calibrated them; null for the shipped thresholds.</param>
/// <param name="CalibratedBy">Who calibrated them; null for the shipped thresholds.</param>
public sealed record TriageOperatingPoint(
    string Kind,
    IReadOnlyDictionary<string, double> Thresholds,
    string Target,
    string ChosenOn,
    DateTimeOffset? CalibratedAt = null,
    string? CalibratedBy = null)
{
    public const string Shipped = "shipped";

    public const string SiteCalibrated = "site-calibrated";

    public bool IsSiteCalibrated => Kind == SiteCalibrated;

    /// <summary>One ASCII line, e.g. <c>site-calibrated 2026-12-07 by alice on 1136 films (sensitivity&gt;=0.95):
    /// covid19 &gt;= 0.0812, …</c>. Two operating points are the same when their descriptions are.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Kind);
        if (CalibratedAt is { } at)
        {
            text.Append(' ').Append(at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (CalibratedBy is not null)
        {
            text.Append(" by ").Append(CalibratedBy);
        }

        text.Append(" on ").Append(ChosenOn).Append(" (").Append(Target).Append("): ");
        text.AppendJoin(", ", Thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} >= {t.Value:0.######}")));
        return text.ToString();
    }
}
