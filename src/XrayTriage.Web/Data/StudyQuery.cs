using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;
using XrayTriage.Persistence.Entities;

namespace XrayTriage.Web.Data;

/// <summary>One study for the study page and <c>/api/studies/{id}</c>.</summary>
internal sealed class StudyQuery(IDbContextFactory<TriageDbContext> contextFactory, ReportDeliveries reports)
{
    public async Task<StudyDetail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var study = await context.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (study is null)
        {
            return null;
        }

        var instances = await context.Instances.AsNoTracking().Where(i => i.StudyId == id)
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var instanceIds = instances.Select(i => i.Id).ToList();
        var runs = await context.InferenceRuns.AsNoTracking().Where(r => instanceIds.Contains(r.InstanceId)).ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.Id).ToList();
        var findings = await context.Findings.AsNoTracking().Where(f => runIds.Contains(f.InferenceRunId)).ToListAsync(cancellationToken);
        var decisions = await context.TriageResults.AsNoTracking()
            .Where(t => instanceIds.Contains(t.InstanceId))
            .ToListAsync(cancellationToken);
        var heatmaps = await StudyImages.HeatmapRunIdsAsync(context, runIds, cancellationToken);

        var details = instances.Select(i =>
        {
            var run = runs.SingleOrDefault(r => r.InstanceId == i.Id);
            var decision = decisions.SingleOrDefault(d => d.InstanceId == i.Id);
            return new InstanceDetail(
                i.Id, i.SopInstanceUid, i.SeriesInstanceUid, i.State.ToString(), i.SkipReason, i.LastError, i.ReceivedAt,
                File.Exists(i.SpoolPath),
                run is null ? null : ToRun(run, findings.Where(f => f.InferenceRunId == run.Id).ToList(),
                    decision, heatmaps.Contains(run.Id)))
            {
                NotAssessable = decision?.NotAssessableReason is { } reason
                    ? NotAssessableNames.Detail(reason, decision.ContentGateScore, decision.ContentGateThreshold)
                    : null,
                OperatingPoint = decision?.OperatingPoint,
            };
        }).ToList();

        var flags = decisions.SelectMany(d => d.FindingsOverThreshold)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var probabilities = findings.Where(f => f.Model == FindingProbability.EnsembleModel)
            .GroupBy(f => f.Label).ToDictionary(g => g.Key, g => g.Max(f => f.Probability), StringComparer.Ordinal);
        var item = WorklistQuery.ToItem(study, flags, probabilities) with
        {
            NotAssessableReasons = NotAssessableNames.Distinct(decisions.Select(d => d.NotAssessableReason)),
        };
        return new StudyDetail(item, details, await reports.ListAsync(study.Id, cancellationToken));
    }

    private static RunDetail ToRun(InferenceRun run, List<Finding> findings, TriageResult? decision, bool hasHeatmap)
    {
        var labels = findings.Where(f => f.Model == FindingProbability.EnsembleModel).Select(f => f.Label).ToList();
        var models = findings.GroupBy(f => f.Model)
            .OrderBy(g => g.Key == FindingProbability.EnsembleModel ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ModelProbabilities(g.Key, g.ToDictionary(f => f.Label, f => f.Probability, StringComparer.Ordinal)))
            .ToList();
        return new RunDetail(run.ManifestName, run.ManifestVersion, run.DeviceUid, run.Provider, run.LatencyMs, run.CreatedAt,
            decision is null ? null : decision.Priority.ToWireName(), decision?.FindingsOverThreshold ?? [], labels, models, hasHeatmap);
    }
}
