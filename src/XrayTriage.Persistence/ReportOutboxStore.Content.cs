using System.Text.Json;
using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class ReportOutboxStore
{
    private const string ReportSql = """
        SELECT r.id, r.study_id, s.study_instance_uid, r.version, s.sr_series_uuid, r.sr_uuid, s.sc_series_uuid,
            p.id, p.version, p.sr_uuid, r.priority, r.created_at,
            s.patient_name, s.patient_id, s.accession_number, s.study_date, s.study_description, s.modality, s.body_part_examined
        FROM triage.reports r
        JOIN triage.studies s ON s.id = r.study_id
        LEFT JOIN triage.reports p ON p.id = r.predecessor_report_id
        WHERE r.id = @id
        """;

    // The images as of the report: those received by the time it was created (a later image belongs to the next
    // version). Settling waits for every image to be triaged, skipped or failed, so their runs are final too.
    private const string ImagesSql = """
        SELECT i.id, i.sop_class_uid, i.sop_instance_uid, i.series_instance_uid, i.spool_path, i.spool_purged_at IS NOT NULL,
            i.tracking_uuid, i.sc_uuid, i.eligibility, i.skip_reason, i.state,
            run.id, run.manifest_name, run.manifest_version, run.device_uid, run.provider,
            tr.priority, tr.findings_over_threshold, tr.thresholds::text, run.heatmap_width, run.heatmap_height, run.heatmap,
            tr.not_assessable_reason, tr.content_gate_score, tr.content_gate_threshold, tr.operating_point
        FROM triage.instances i
        LEFT JOIN triage.inference_runs run ON run.instance_id = i.id
        LEFT JOIN triage.triage_results tr ON tr.inference_run_id = run.id
        WHERE i.study_id = @study_id AND i.received_at <= @created_at
        ORDER BY i.received_at, i.id
        """;

    private const string FindingsSql = """
        SELECT f.inference_run_id, f.model, f.label, f.probability
        FROM triage.findings f
        WHERE f.inference_run_id = ANY(@run_ids)
        ORDER BY f.inference_run_id, f.model = 'ensemble' DESC, f.model, f.label
        """;

    /// <summary>
    /// Everything needed to build report <paramref name="reportId"/>: its UIDs (as DICOM UIDs), its predecessor, the
    /// study's attributes and its images as of the report with their runs, probabilities and heatmaps. Null when there
    /// is no such report.
    /// </summary>
    public Task<ReportContent?> GetContentAsync(long reportId, CancellationToken cancellationToken)
        => WithConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(
                System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await using var command = Command(connection, ReportSql, transaction);
            Add(command, "id", reportId);
            var report = await ReadSingleAsync(command, ReadReport, cancellationToken);
            if (report is null)
            {
                return null;
            }

            var images = await ReadImagesAsync(connection, transaction, report.StudyId, report.CreatedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return report with { Images = images };
        }, cancellationToken);

    private static ReportContent ReadReport(NpgsqlDataReader r)
    {
        var predecessor = r.IsDBNull(7) ? null : new ReportPredecessor(r.GetInt64(7), r.GetInt32(8), UuidUid.ToDicomUid(r.GetGuid(9)));
        var priority = NullableString(r, 10);
        var study = new StudyAttributes(
            NullableString(r, 12), NullableString(r, 13), NullableString(r, 14),
            r.IsDBNull(15) ? null : r.GetFieldValue<DateOnly>(15),
            NullableString(r, 16), NullableString(r, 17), NullableString(r, 18));
        return new ReportContent(
            r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3),
            UuidUid.ToDicomUid(r.GetGuid(4)), UuidUid.ToDicomUid(r.GetGuid(5)), UuidUid.ToDicomUid(r.GetGuid(6)),
            predecessor, priority is null ? null : Enum.Parse<TriagePriority>(priority), r.GetFieldValue<DateTimeOffset>(11),
            study, []);
    }

    private static async Task<IReadOnlyList<ReportImage>> ReadImagesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long studyId,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        var rows = new List<(ReportImage Image, long? RunId)>();
        await using (var command = Command(connection, ImagesSql, transaction))
        {
            Add(command, "study_id", studyId);
            Add(command, "created_at", createdAt);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadImage(reader));
            }
        }

        var runIds = rows.Where(r => r.RunId is not null).Select(r => r.RunId!.Value).ToArray();
        var findings = await ReadFindingsAsync(connection, transaction, runIds, cancellationToken);
        return rows.Select(r => r.RunId is { } runId && r.Image.Run is { } run
            ? r.Image with { Run = run with { Probabilities = findings.GetValueOrDefault(runId) ?? [] } }
            : r.Image).ToList();
    }

    private static (ReportImage Image, long? RunId) ReadImage(NpgsqlDataReader r)
    {
        ReportRun? run = null;
        long? runId = null;
        if (!r.IsDBNull(11))
        {
            runId = r.GetInt64(11);
            var heatmap = r.IsDBNull(19) ? null : new InferenceHeatmap(r.GetInt32(19), r.GetInt32(20), r.GetFieldValue<byte[]>(21));
            run = new ReportRun(
                r.GetString(12), r.GetString(13), r.GetString(14), r.GetString(15),
                Enum.Parse<TriagePriority>(r.GetString(16)),
                r.GetFieldValue<string[]>(17),
                JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(18)) ?? [],
                [],
                heatmap)
            {
                NotAssessableReason = r.IsDBNull(22) ? null : Enum.Parse<NotAssessableReason>(r.GetString(22)),
                ContentGateScore = r.IsDBNull(23) ? null : r.GetDouble(23),
                ContentGateThreshold = r.IsDBNull(24) ? null : r.GetDouble(24),
                OperatingPoint = r.IsDBNull(25) ? null : r.GetString(25),
            };
        }

        var image = new ReportImage(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
            UuidUid.ToDicomUid(r.GetGuid(6)), UuidUid.ToDicomUid(r.GetGuid(7)),
            Enum.Parse<Eligibility>(r.GetString(8)), NullableString(r, 9), Enum.Parse<InstanceState>(r.GetString(10)), run);
        return (image, runId);
    }

    private static async Task<Dictionary<long, List<FindingProbability>>> ReadFindingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] runIds, CancellationToken cancellationToken)
    {
        var findings = new Dictionary<long, List<FindingProbability>>();
        if (runIds.Length == 0)
        {
            return findings;
        }

        await using var command = Command(connection, FindingsSql, transaction);
        Add(command, "run_ids", runIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var runId = reader.GetInt64(0);
            if (!findings.TryGetValue(runId, out var list))
            {
                findings[runId] = list = [];
            }

            list.Add(new FindingProbability(reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return findings;
    }
}
