using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Web.Data;

/// <summary>The worklist with filters, in the order of <see cref="Study.WorklistRank"/> (the higher of triage's and a
/// radiologist's priority, computed by the database), then the study waiting longest; plus each study's flags (findings
/// over threshold in any image) and its highest ensemble probability per class.</summary>
internal sealed class WorklistQuery(IDbContextFactory<TriageDbContext> contextFactory)
{
    public async Task<WorklistPage> GetAsync(WorklistFilter filter, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var studies = Apply(context.Studies.AsNoTracking(), filter);
        var total = await studies.CountAsync(cancellationToken);
        var rows = await studies
            .OrderByDescending(s => s.WorklistRank).ThenBy(s => s.FirstReceivedAt).ThenBy(s => s.Id)
            .Skip(filter.Skip).Take(filter.Take)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(s => s.Id).ToList();
        var probabilities = await ProbabilitiesAsync(context, ids, cancellationToken);
        var flags = await FlagsAsync(context, ids, cancellationToken);
        var reasons = await NotAssessableReasonsAsync(context, ids, cancellationToken);
        var items = rows.Select(s => ToItem(s,
            flags.GetValueOrDefault(s.Id) ?? [],
            probabilities.GetValueOrDefault(s.Id) ?? new Dictionary<string, double>()) with
        {
            NotAssessableReasons = reasons.GetValueOrDefault(s.Id) ?? [],
        }).ToList();
        return new WorklistPage(total, filter.Skip, filter.Take, items);
    }

    private static IQueryable<Study> Apply(IQueryable<Study> studies, WorklistFilter filter)
    {
        if (filter.Priority is not null && TriagePriorityNames.TryParse(filter.Priority, out var priority))
        {
            // The effective priority: the higher of triage's and a radiologist's (worklist_rank).
            var rank = (short)TriagePriorityNames.Rank(priority);
            studies = studies.Where(s => s.WorklistRank == rank);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            studies = studies.Where(s => s.FirstReceivedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            studies = studies.Where(s => s.FirstReceivedAt < end);
        }

        if (filter.Modality is { } modality)
        {
            studies = studies.Where(s => s.Modality == modality);
        }

        return filter.Status switch
        {
            "awaiting-triage" => studies.Where(s => s.AcknowledgedAt == null && s.TriagePriority == null),
            "triaged" => studies.Where(s => s.AcknowledgedAt == null && s.TriagePriority != null && s.SettledAt == null),
            "settled" => studies.Where(s => s.AcknowledgedAt == null && s.TriagePriority != null && s.SettledAt != null),
            "acknowledged" => studies.Where(s => s.AcknowledgedAt != null),
            _ => studies,
        };
    }

    private static async Task<Dictionary<long, Dictionary<string, double>>> ProbabilitiesAsync(
        TriageDbContext context, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await (
            from f in context.Findings
            join r in context.InferenceRuns on f.InferenceRunId equals r.Id
            join i in context.Instances on r.InstanceId equals i.Id
            where f.Model == FindingProbability.EnsembleModel && ids.Contains(i.StudyId)
            group f by new { i.StudyId, f.Label } into g
            select new { g.Key.StudyId, g.Key.Label, Probability = g.Max(x => x.Probability) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.StudyId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Label, r => r.Probability, StringComparer.Ordinal));
    }

    private static async Task<Dictionary<long, List<string>>> FlagsAsync(
        TriageDbContext context, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await context.TriageResults.AsNoTracking()
            .Where(t => ids.Contains(t.Instance!.StudyId))
            .Select(t => new { t.Instance!.StudyId, t.FindingsOverThreshold })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.StudyId).ToDictionary(
            g => g.Key,
            g => g.SelectMany(r => r.FindingsOverThreshold).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<Dictionary<long, List<string>>> NotAssessableReasonsAsync(
        TriageDbContext context, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await context.TriageResults.AsNoTracking()
            .Where(t => ids.Contains(t.Instance!.StudyId) && t.NotAssessableReason != null)
            .Select(t => new { t.Instance!.StudyId, t.NotAssessableReason })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.StudyId)
            .ToDictionary(g => g.Key, g => NotAssessableNames.Distinct(g.Select(r => r.NotAssessableReason)));
    }

    public static string StatusOf(Study study) => study switch
    {
        { AcknowledgedAt: not null } => "acknowledged",
        { TriagePriority: null } => "awaiting-triage",
        { SettledAt: not null } => "settled",
        _ => "triaged",
    };

    /// <summary>The higher of triage's and a radiologist's priority: the one the database ranked the study by.</summary>
    public static TriagePriority? EffectivePriority(Study study) => TriagePriorityNames.FromRank(study.WorklistRank);

    public static WorklistItem ToItem(Study s, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> probabilities) => new(
        s.Id, s.StudyInstanceUid, EffectivePriority(s).ToWireName(), s.TriagePriority.ToWireName(),
        s.HumanPriority?.ToWireName(), StatusOf(s),
        s.PatientName, s.PatientId, s.AccessionNumber, s.StudyDate, s.StudyDescription, s.Modality, s.ImageCount,
        s.FirstReceivedAt, s.LastReceivedAt, flags, probabilities, s.AcknowledgedBy, s.AcknowledgedAt, s.HumanPriorityBy);
}
