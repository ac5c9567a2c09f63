using Microsoft.EntityFrameworkCore;
using XrayTriage.Persistence;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Web.Data;

/// <summary>Reads the append-only audit trail, newest first.</summary>
internal sealed class AuditQuery(IDbContextFactory<TriageDbContext> contextFactory)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = Apply(context.AuditEvents.AsNoTracking(), filter);
        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(filter.Skip).Take(filter.Take).ToListAsync(cancellationToken);
        return new AuditPage(total, filter.Skip, filter.Take, rows.Select(ToRow).ToList());
    }

    /// <summary>Every matching event (up to <see cref="AuditFilter.MaxExport"/>), oldest first, streamed.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(
        AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = Apply(context.AuditEvents.AsNoTracking(), filter)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(AuditFilter.MaxExport).AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            yield return ToRow(e);
        }
    }

    private static IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events, AuditFilter filter)
    {
        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.OccurredAt <= to);
        }

        if (filter.Event is { } eventId)
        {
            events = events.Where(e => e.EventId == eventId);
        }

        if (filter.Actor is { } actor)
        {
            var pattern = Like(actor);
            events = events.Where(e => EF.Functions.ILike(e.Actor, pattern, "\\"));
        }

        if (filter.Subject is { } subject)
        {
            var pattern = Like(subject);
            events = events.Where(e => e.Subject != null && EF.Functions.ILike(e.Subject, pattern, "\\"));
        }

        return events;
    }

    private static string Like(string text)
        => "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static AuditRow ToRow(AuditEvent e)
        => new(
            e.Id, e.OccurredAt, e.EventId.ToString(), e.EventType.ToString(), e.Outcome.ToString(), e.Actor, e.Subject, e.Detail, e.Node);
}
