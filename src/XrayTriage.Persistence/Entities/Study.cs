using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.studies</c>: instances grouped by Study Instance UID, with what the worklist shows.</summary>
public sealed class Study
{
    public long Id { get; set; }

    public required string StudyInstanceUid { get; set; }

    public string? PatientName { get; set; }

    public string? PatientId { get; set; }

    public string? AccessionNumber { get; set; }

    public DateOnly? StudyDate { get; set; }

    public string? StudyDescription { get; set; }

    public string? Modality { get; set; }

    public string? BodyPartExamined { get; set; }

    public DateTimeOffset FirstReceivedAt { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }

    public int ImageCount { get; set; }

    /// <summary>Highest priority among its images; null until the first image is triaged or skipped.</summary>
    public TriagePriority? TriagePriority { get; set; }

    /// <summary>Priority a radiologist set on the worklist; only ever raised, and never changed by triage. The worklist
    /// shows and sorts by the higher of this and <see cref="TriagePriority"/>.</summary>
    public TriagePriority? HumanPriority { get; set; }

    /// <summary>User name of the radiologist who last set <see cref="HumanPriority"/>.</summary>
    public string? HumanPriorityBy { get; set; }

    public DateTimeOffset? HumanPriorityAt { get; set; }

    /// <summary>User name of the radiologist who acknowledged the study (has seen its flags).</summary>
    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Computed by the database from <see cref="TriagePriority"/>: 3 urgent, 2 routine, 1 not assessable, 0 none.</summary>
    public short PriorityRank { get; private set; }

    /// <summary>Computed by the database: the higher of the ranks of <see cref="TriagePriority"/> and <see cref="HumanPriority"/>;
    /// what the web worklist sorts and filters by.</summary>
    public short WorklistRank { get; private set; }

    /// <summary>When the study was last found quiet with nothing left to triage; reset by a new image.</summary>
    public DateTimeOffset? SettledAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Minted by the database; the study's SR series UID is "2.25." + this as a 128-bit integer.</summary>
    public Guid SrSeriesUuid { get; set; }

    /// <summary>Minted by the database; the UID of the study's heatmap Secondary Capture series.</summary>
    public Guid ScSeriesUuid { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: concurrency token for edits through EF (e.g. a priority override).</summary>
    public uint Version { get; set; }

    public List<Instance> Instances { get; } = [];
}
