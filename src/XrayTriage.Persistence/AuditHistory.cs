using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Auditing;

namespace XrayTriage.Persistence;

/// <summary>Reads back what the application itself recorded, e.g. the configuration of its previous start. The audit
/// table is append-only (INSERT/SELECT for the app role), so this only selects.</summary>
public sealed class AuditHistory(IDbContextFactory<TriageDbContext> contextFactory)
{
    /// <summary>The detail of the newest event of this id and type after skipping the <paramref name="skip"/> newest,
    /// or null when there is none.</summary>
    public async Task<string?> LatestDetailAsync(
        AuditEventId eventId, AuditEventType eventType, int skip, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.AuditEvents
            .Where(e => e.EventId == eventId && e.EventType == eventType)
            .OrderByDescending(e => e.Id)
            .Skip(skip)
            .Select(e => e.Detail)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
