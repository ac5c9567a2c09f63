namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>One delivery of one report version to one destination, as the outbox list and the study page show it.</summary>
public sealed record DeliveryRow(
    long DeliveryId,
    long ReportId,
    long StudyId,
    int Version,
    string Destination,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt);
