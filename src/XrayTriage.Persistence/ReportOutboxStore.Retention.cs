using XrayTriage.Core.Pipeline.Reports;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class ReportOutboxStore
{
    // A spooled file may go once nothing can need it again: the instance is finished, the study is settled (not
    // re-opened by a late image whose report is still to come), the study's latest report covers the instance and
    // reached every destination it was fanned out to (none, when no destination is configured), and no delivery of
    // the study is still pending, sending or failed (an administrator may re-queue a failed one, and its SC is
    // rendered from the file).
    private const string PurgeableSql = """
        SELECT i.id, i.study_id, i.spool_path
        FROM triage.instances i
        JOIN triage.studies s ON s.id = i.study_id
        JOIN LATERAL (
            SELECT r.id, r.created_at, r.fanned_out_at FROM triage.reports r WHERE r.study_id = i.study_id
            ORDER BY r.version DESC LIMIT 1) latest ON true
        WHERE i.spool_purged_at IS NULL
          AND i.state IN ('Triaged', 'Skipped', 'Failed')
          AND COALESCE(i.triaged_at, i.received_at) < @before
          AND s.settled_at IS NOT NULL
          AND latest.created_at >= i.received_at
          AND latest.fanned_out_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM triage.report_deliveries d WHERE d.report_id = latest.id AND d.state <> 'Delivered')
          AND NOT EXISTS (
              SELECT 1 FROM triage.report_deliveries d JOIN triage.reports r ON r.id = d.report_id
              WHERE r.study_id = i.study_id AND d.state IN ('Pending', 'Sending', 'Failed'))
        ORDER BY i.id
        LIMIT @take
        """;

    private const string MarkPurgedSql = """
        UPDATE triage.instances SET spool_purged_at = @now WHERE id = ANY(@ids) AND spool_purged_at IS NULL
        """;

    /// <summary>
    /// Up to <paramref name="take"/> instances whose spooled file can be removed: finished (triaged, skipped or
    /// failed) before <paramref name="triagedBefore"/> (received before it when never triaged), not purged yet, and
    /// covered by their study's latest report, which was delivered to every destination, with no delivery of the study
    /// still pending, sending or failed. Delete the file first, then <see cref="MarkPurgedAsync"/>: a crash between
    /// the two only offers the instance again.
    /// </summary>
    public Task<IReadOnlyList<PurgeCandidate>> GetPurgeableAsync(
        DateTimeOffset triagedBefore, int take, CancellationToken cancellationToken)
    {
        RequireUtc(triagedBefore, nameof(triagedBefore));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return WithConnectionAsync<IReadOnlyList<PurgeCandidate>>(async connection =>
        {
            await using var command = Command(connection, PurgeableSql);
            Add(command, "before", triagedBefore);
            Add(command, "take", take);
            var candidates = new List<PurgeCandidate>();
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                candidates.Add(new PurgeCandidate(r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
            }

            return candidates;
        }, cancellationToken);
    }

    /// <summary>Records that the spooled files of <paramref name="instanceIds"/> were removed; returns how many were newly
    /// marked.</summary>
    public Task<int> MarkPurgedAsync(IReadOnlyList<long> instanceIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        RequireUtc(now, nameof(now));
        if (instanceIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, MarkPurgedSql);
            Add(command, "ids", instanceIds.ToArray());
            Add(command, "now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }
}
