using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Entities;

/// <summary>
/// A row of <c>triage.reports</c>: one version of a study's report, written in the transaction that settled the
/// study (the outbox). A late image re-opens the study and its next settling writes the next version, which refers
/// to this one as its predecessor.
/// </summary>
public sealed class Report
{
    public long Id { get; set; }

    public long StudyId { get; set; }

    public Study? Study { get; set; }

    /// <summary>1 for the study's first report, one more for each later one (unique per study).</summary>
    public int Version { get; set; }

    /// <summary>Minted by the database; the SR's SOP Instance UID is "2.25." + this as a 128-bit integer.</summary>
    public Guid SrUuid { get; set; }

    /// <summary>The study's previous version; null for version 1.</summary>
    public long? PredecessorReportId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The study's priority when the report was created.</summary>
    public TriagePriority? Priority { get; set; }

    /// <summary>The study's image count when the report was created.</summary>
    public int ImageCount { get; set; }

    /// <summary>When one delivery per configured destination was written; null until then.</summary>
    public DateTimeOffset? FannedOutAt { get; set; }
}
