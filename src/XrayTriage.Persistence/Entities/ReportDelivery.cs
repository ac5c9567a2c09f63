using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.report_deliveries</c>: one report version on its way to one configured destination.</summary>
public sealed class ReportDelivery
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public Report? Report { get; set; }

    /// <summary>Name of the configured destination (<c>Pacs:Destinations</c>).</summary>
    public required string Destination { get; set; }

    public DeliveryState State { get; set; }

    /// <summary>Claims so far, including lease takeovers; reset by an administrator's re-queue.</summary>
    public int Attempts { get; set; }

    /// <summary>When a pending delivery may be claimed.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The sender that holds (or last held) the claim.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>End of the sender's claim while <see cref="DeliveryState.Sending"/>.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
