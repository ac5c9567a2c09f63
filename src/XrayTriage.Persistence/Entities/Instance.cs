using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.instances</c>: one received SOP instance and its work state.</summary>
public sealed class Instance
{
    public long Id { get; set; }

    public long StudyId { get; set; }

    public Study? Study { get; set; }

    public required string SopInstanceUid { get; set; }

    public required string SopClassUid { get; set; }

    public required string SeriesInstanceUid { get; set; }

    public required string TransferSyntaxUid { get; set; }

    public required string CallingAeTitle { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string SpoolPath { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    public Eligibility Eligibility { get; set; }

    public string? SkipReason { get; set; }

    public InstanceState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? TriagedAt { get; set; }

    /// <summary>Minted by the database; the SR tracking UID of this image, the same in every report version.</summary>
    public Guid TrackingUuid { get; set; }

    /// <summary>Minted by the database; the SOP Instance UID of this image's heatmap Secondary Capture.</summary>
    public Guid ScUuid { get; set; }

    /// <summary>When retention removed the spooled file; null while it is kept.</summary>
    public DateTimeOffset? SpoolPurgedAt { get; set; }
}
