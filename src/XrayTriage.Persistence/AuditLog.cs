using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence;

/// <summary>Writes audit entries to <c>triage.audit_events</c>, one short-lived context per entry.</summary>
internal sealed class AuditLog(IDbContextFactory<TriageDbContext> contextFactory, TimeProvider timeProvider) : IAuditLog
{
    private static readonly string Node = Environment.MachineName;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = timeProvider.GetUtcNow(),
            EventId = entry.EventId,
            EventType = entry.EventType,
            Outcome = entry.Outcome,
            Actor = entry.Actor,
            Subject = entry.Subject,
            Detail = entry.Detail,
            Node = Node,
        });
        await context.SaveChangesAsync(cancellationToken);
    }
}
