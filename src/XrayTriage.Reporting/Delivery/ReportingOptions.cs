using XrayTriage.Reporting.Documents;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Section <c>Reporting</c>: what a report contains and how hard delivery tries. Durations as
/// <c>hh:mm:ss[.fff]</c>.</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>SR SOP class: <c>Comprehensive3D</c> (IHE AI Results), or <c>Comprehensive</c> / <c>Enhanced</c> for
    /// PACS that do not store 3D SR. Changing it applies to reports built from then on.</summary>
    public SrSopClass SrSopClass { get; set; } = SrSopClass.Comprehensive3D;

    /// <summary>Also send a Secondary Capture per image with the heatmap and result burned in.</summary>
    public bool Heatmap { get; set; } = true;

    /// <summary>Longest side of each heatmap Secondary Capture in pixels (256–4096): enough for a PACS viewer to show
    /// where the model looked; larger costs rendering time, network and PACS storage for every image.</summary>
    public int HeatmapMaxSide { get; set; } = Documents.HeatmapSecondaryCaptureBuilder.DefaultMaxLongSide;

    /// <summary>How often an idle destination looks for queued reports (a settled study wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A delivery claimed longer ago than this belongs to a crashed sender and is taken over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time limit of one attempt (connect, negotiate, store every object, release).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quick retries inside one claim for transient failures, with exponential backoff and jitter.</summary>
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>First delay of the quick retries; it doubles with each.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Claims before a report is given up for a destination (<c>Failed</c>, re-queued by
    /// <c>xraytriage outbox retry</c>).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait before a report is claimed again after a transient failure; doubles with each attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two claims of one report.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Consecutive failed attempts that open a destination's circuit breaker.</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open breaker keeps a destination paused before one trial attempt.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Spool files of a study are deleted this long after its latest report reached every destination;
    /// zero keeps them (the spool is then cleaned by other means).</summary>
    public TimeSpan SpoolRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(5);
}
