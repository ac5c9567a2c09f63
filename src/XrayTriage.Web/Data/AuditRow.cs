namespace XrayTriage.Web.Data;

internal sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string Event,
    string EventType,
    string Outcome,
    string Actor,
    string? Subject,
    string Detail,
    string Node);
