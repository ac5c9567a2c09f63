using System.Text.Json;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence.Configurations;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // One statement, so one transaction: the inference run, its findings, the triage result, the instance's state
    // and the study's priority are written together or not at all. The run's unique instance_id decides a race
    // between two workers (a lease taken over while the first worker was still busy): ON CONFLICT leaves `run`
    // empty and every other part of the statement then writes nothing. The study's priority only ever rises, and
    // it is compared with the study row's latest version, so two images of one study completing at once cannot
    // overwrite each other's priority.
    private static readonly string CompleteSql = $"""
        WITH run AS (
            INSERT INTO triage.inference_runs (instance_id, manifest_name, manifest_version, device_uid, provider, latency_ms, created_at,
                heatmap, heatmap_width, heatmap_height)
            SELECT i.id, @manifest_name, @manifest_version, @device_uid, @provider, @latency_ms, @now,
                @heatmap, @heatmap_width, @heatmap_height
            FROM triage.instances i
            WHERE i.id = @id
            ON CONFLICT (instance_id) DO NOTHING
            RETURNING id),
        findings AS (
            INSERT INTO triage.findings (inference_run_id, model, label, probability)
            SELECT run.id, f.model, f.label, f.probability
            FROM run, unnest(@models, @labels, @probabilities) AS f(model, label, probability)),
        result AS (
            INSERT INTO triage.triage_results (instance_id, inference_run_id, priority, findings_over_threshold, thresholds, created_at,
                not_assessable_reason, content_gate_score, content_gate_threshold, operating_point)
            SELECT @id, run.id, @priority, @over_threshold, CAST(@thresholds AS jsonb), @now,
                @not_assessable_reason, @content_gate_score, @content_gate_threshold, @operating_point
            FROM run),
        instance AS (
            UPDATE triage.instances SET state = 'Triaged', triaged_at = @now, next_attempt_at = NULL
            WHERE id = @id AND EXISTS (SELECT 1 FROM run)
            RETURNING study_id),
        study AS (
            UPDATE triage.studies s SET
                triage_priority = CASE WHEN s.priority_rank >= {PriorityRankSql.Of("@priority")} THEN s.triage_priority ELSE @priority END,
                updated_at = @now
            FROM instance
            WHERE s.id = instance.study_id)
        SELECT id FROM run
        """;

    private const string InstanceExistsSql = "SELECT EXISTS (SELECT 1 FROM triage.instances WHERE id = @id)";

    /// <summary>
    /// Stores the triage of a claimed instance in one transaction: inference run (with its heatmap, if any), findings per model and label,
    /// triage result, instance triaged, study priority raised to the highest of its images. A second completion of
    /// the same instance is refused by the unique inference run per instance and reported as
    /// <see cref="CompleteOutcome.AlreadyTriaged"/>.
    /// </summary>
    public Task<CompleteOutcome> CompleteAsync(
        long instanceId, InferenceOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        outcome.Heatmap?.Validate();
        RequireUtc(now, nameof(now));
        return WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, CompleteSql);
            Add(command, "id", instanceId);
            Add(command, "manifest_name", outcome.ManifestName);
            Add(command, "manifest_version", outcome.ManifestVersion);
            Add(command, "device_uid", outcome.DeviceUid);
            Add(command, "provider", outcome.Provider);
            Add(command, "latency_ms", outcome.LatencyMs);
            Add(command, "now", now);
            Add(command, "heatmap", outcome.Heatmap?.Values);
            Add(command, "heatmap_width", outcome.Heatmap?.Width);
            Add(command, "heatmap_height", outcome.Heatmap?.Height);
            Add(command, "models", outcome.Probabilities.Select(p => p.Model).ToArray());
            Add(command, "labels", outcome.Probabilities.Select(p => p.Label).ToArray());
            Add(command, "probabilities", outcome.Probabilities.Select(p => p.Probability).ToArray());
            Add(command, "priority", outcome.Priority.ToString());
            Add(command, "over_threshold", outcome.FindingsOverThreshold.ToArray());
            Add(command, "thresholds", JsonSerializer.Serialize(outcome.Thresholds));
            Add(command, "not_assessable_reason", outcome.NotAssessableReason?.ToString());
            Add(command, "content_gate_score", outcome.ContentGateScore);
            Add(command, "content_gate_threshold", outcome.ContentGateThreshold);
            Add(command, "operating_point", outcome.OperatingPoint);
            if (await command.ExecuteScalarAsync(cancellationToken) is long)
            {
                return CompleteOutcome.Triaged;
            }

            await using var exists = Command(connection, InstanceExistsSql);
            Add(exists, "id", instanceId);
            return (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? CompleteOutcome.AlreadyTriaged : CompleteOutcome.NotFound;
        }, cancellationToken);
    }
}
