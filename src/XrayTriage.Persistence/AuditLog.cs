using Microsoft.EntityFrameworkCore;
using XrayTriage.Core;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Persistence;

/// <summary>Writes audit entries to <c>triage.audit_events</c>, one short-lived context per entry. Actor, subject and
/// detail may carry values typed by users or peers: their control characters are escaped here, for every writer.</summary>
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
            Actor = LogText.Escape(entry.Actor),
            Subject = entry.Subject is null ? null : LogText.Escape(entry.Subject),
            Detail = LogText.Escape(entry.Detail),
            Node = Node,
        });
        await context.SaveChangesAsync(cancellationToken);
    }
}
