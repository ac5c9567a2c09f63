using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence.Configurations;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // Fills worklist attributes the study does not have yet; the first instance that carries a value wins.
    private const string UpsertStudySql = """
        INSERT INTO triage.studies AS s (study_instance_uid, patient_name, patient_id, accession_number, study_date,
            study_description, modality, body_part_examined, first_received_at, last_received_at, image_count, updated_at)
        VALUES (@study_uid, @patient_name, @patient_id, @accession_number, @study_date,
            @study_description, @modality, @body_part, @received_at, @received_at, 0, @received_at)
        ON CONFLICT (study_instance_uid) DO UPDATE SET
            patient_name = COALESCE(s.patient_name, EXCLUDED.patient_name),
            patient_id = COALESCE(s.patient_id, EXCLUDED.patient_id),
            accession_number = COALESCE(s.accession_number, EXCLUDED.accession_number),
            study_date = COALESCE(s.study_date, EXCLUDED.study_date),
            study_description = COALESCE(s.study_description, EXCLUDED.study_description),
            modality = COALESCE(s.modality, EXCLUDED.modality),
            body_part_examined = COALESCE(s.body_part_examined, EXCLUDED.body_part_examined)
        RETURNING s.id
        """;

    private const string InsertInstanceSql = """
        INSERT INTO triage.instances (study_id, sop_instance_uid, sop_class_uid, series_instance_uid, transfer_syntax_uid,
            calling_ae_title, received_at, spool_path, size_bytes, sha256, eligibility, skip_reason, state, attempts)
        VALUES (@study_id, @sop_uid, @sop_class_uid, @series_uid, @transfer_syntax_uid,
            @calling_ae, @received_at, @spool_path, @size_bytes, @sha256, @eligibility, @skip_reason, @state, 0)
        ON CONFLICT (sop_instance_uid) DO NOTHING
        RETURNING id
        """;

    // A new image re-opens a settled study (it settles again after the next quiet period); a skipped image makes
    // the study at least not assessable.
    private static readonly string CountImageSql = $"""
        UPDATE triage.studies SET
            image_count = image_count + 1,
            first_received_at = LEAST(first_received_at, @received_at),
            last_received_at = GREATEST(last_received_at, @received_at),
            settled_at = NULL,
            triage_priority = CASE WHEN @skipped AND priority_rank < {PriorityRankSql.NotAssessable}
                THEN 'NotAssessable' ELSE triage_priority END,
            updated_at = @received_at
        WHERE id = @study_id
        """;

    private const string FindInstanceSql =
        "SELECT id, study_id, spool_path, state FROM triage.instances WHERE sop_instance_uid = @sop_uid";

    /// <summary>
    /// Records a spooled instance: upserts its study by Study Instance UID and inserts the instance, queued for
    /// triage when eligible or as skipped with its reason. A SOP Instance UID seen before (also when the same one
    /// arrives on several associations at once) writes nothing and reports <see cref="RecordReceivedOutcome.Duplicate"/>.
    /// </summary>
    public Task<RecordReceivedResult> RecordReceivedAsync(ReceivedInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        RequireUtc(instance.ReceivedAt, nameof(instance));
        return WithConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var studyId = await UpsertStudyAsync(connection, transaction, instance, cancellationToken);

            await using var insert = Command(connection, InsertInstanceSql, transaction);
            Add(insert, "study_id", studyId);
            Add(insert, "sop_uid", instance.SopInstanceUid);
            Add(insert, "sop_class_uid", instance.SopClassUid);
            Add(insert, "series_uid", instance.SeriesInstanceUid);
            Add(insert, "transfer_syntax_uid", instance.TransferSyntaxUid);
            Add(insert, "calling_ae", instance.CallingAeTitle);
            Add(insert, "received_at", instance.ReceivedAt);
            Add(insert, "spool_path", instance.SpoolPath);
            Add(insert, "size_bytes", instance.SizeBytes);
            Add(insert, "sha256", instance.Sha256);
            Add(insert, "eligibility", instance.Eligibility.ToString());
            Add(insert, "skip_reason", Truncate(instance.SkipReason, Limits.Reason));
            var state = instance.Eligibility == Eligibility.Eligible ? InstanceState.Received : InstanceState.Skipped;
            Add(insert, "state", state.ToString());
            var inserted = await insert.ExecuteScalarAsync(cancellationToken);

            if (inserted is not long instanceId)
            {
                // ON CONFLICT waited for the other writer to commit, so its row is visible once this one is undone.
                await transaction.RollbackAsync(cancellationToken);
                return await FindDuplicateAsync(connection, instance.SopInstanceUid, cancellationToken);
            }

            await using var count = Command(connection, CountImageSql, transaction);
            Add(count, "study_id", studyId);
            Add(count, "received_at", instance.ReceivedAt);
            Add(count, "skipped", state == InstanceState.Skipped);
            await count.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RecordReceivedResult(RecordReceivedOutcome.Recorded, instanceId, studyId, instance.SpoolPath, state);
        }, cancellationToken);
    }

    private static async Task<long> UpsertStudyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReceivedInstance instance, CancellationToken cancellationToken)
    {
        var study = instance.Study;
        await using var upsert = Command(connection, UpsertStudySql, transaction);
        Add(upsert, "study_uid", instance.StudyInstanceUid);
        Add(upsert, "patient_name", Truncate(study.PatientName, Limits.PatientName));
        Add(upsert, "patient_id", Truncate(study.PatientId, Limits.PatientId));
        Add(upsert, "accession_number", Truncate(study.AccessionNumber, Limits.AccessionNumber));
        Add(upsert, "study_date", study.StudyDate);
        Add(upsert, "study_description", Truncate(study.StudyDescription, Limits.StudyDescription));
        Add(upsert, "modality", Truncate(study.Modality, Limits.CodeString));
        Add(upsert, "body_part", Truncate(study.BodyPartExamined, Limits.CodeString));
        Add(upsert, "received_at", instance.ReceivedAt);
        return (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<RecordReceivedResult> FindDuplicateAsync(
        NpgsqlConnection connection, string sopInstanceUid, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, FindInstanceSql);
        Add(find, "sop_uid", sopInstanceUid);
        var existing = await ReadSingleAsync(
            find,
            r => new RecordReceivedResult(
                RecordReceivedOutcome.Duplicate, r.GetInt64(0), r.GetInt64(1), r.GetString(2), Enum.Parse<InstanceState>(r.GetString(3))),
            cancellationToken);
        return existing
            ?? throw new InvalidOperationException($"Instance {sopInstanceUid} conflicted on insert but is not in the database.");
    }
}
