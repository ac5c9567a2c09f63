using XrayTriage.Core.Auditing;

namespace XrayTriage.Persistence.Entities;

/// <summary>A row of the append-only audit table <c>triage.audit_events</c>.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public AuditEventId EventId { get; set; }

    public AuditEventType EventType { get; set; }

    public AuditOutcome Outcome { get; set; }

    public required string Actor { get; set; }

    public string? Subject { get; set; }

    public required string Detail { get; set; }

    /// <summary>Machine that wrote the event (several <c>serve</c> processes may share a database).</summary>
    public required string Node { get; set; }
}
