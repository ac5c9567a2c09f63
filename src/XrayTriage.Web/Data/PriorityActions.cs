using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;

namespace XrayTriage.Web.Data;

/// <summary>What a radiologist may do to a study's place on the worklist: acknowledge it, or raise its priority above
/// the current one. Nothing here lowers a priority; triage writes only <c>triage_priority</c>, so it cannot lower a
/// human-set one either. The row's <c>xmin</c> guards against two radiologists acting at once.</summary>
internal sealed class PriorityActions(IDbContextFactory<TriageDbContext> contextFactory, TimeProvider timeProvider, WebAudit audit)
{
    public async Task<PriorityActionResult> AcknowledgeAsync(long studyId, string user, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return PriorityActionResult.NotFound;
        }

        study.AcknowledgedBy = user;
        study.AcknowledgedAt = timeProvider.GetUtcNow();
        if (!await SaveAsync(context, cancellationToken))
        {
            return PriorityActionResult.Conflict;
        }

        await audit.PriorityChangedAsync(user, study.Id, study.StudyInstanceUid, "study acknowledged on the worklist", cancellationToken);
        return PriorityActionResult.Done;
    }

    public async Task<PriorityActionResult> RaiseAsync(
        long studyId, TriagePriority priority, string user, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return PriorityActionResult.NotFound;
        }

        var current = WorklistQuery.EffectivePriority(study);
        if (TriagePriorityNames.Rank(priority) <= TriagePriorityNames.Rank(current))
        {
            return PriorityActionResult.NotHigher;
        }

        study.HumanPriority = priority;
        study.HumanPriorityBy = user;
        study.HumanPriorityAt = timeProvider.GetUtcNow();
        if (!await SaveAsync(context, cancellationToken))
        {
            return PriorityActionResult.Conflict;
        }

        await audit.PriorityChangedAsync(user, study.Id, study.StudyInstanceUid,
            $"priority raised from {current.ToWireName()} to {priority.ToWireName()}", cancellationToken);
        return PriorityActionResult.Done;
    }

    private static async Task<bool> SaveAsync(TriageDbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
