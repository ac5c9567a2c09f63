using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Persistence.Configurations;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class ReportOutboxStore
{
    // The MATERIALIZED CTE runs the locking SELECT exactly once. A 'Sending' row whose lease has ended belongs to a
    // sender that crashed or hung; claiming it again counts as another attempt. Oldest report first. Several loops
    // (and processes) send to one destination at once, so a version of a study is not claimed while an older version
    // of the same study still waits or is being sent there: a later SR version never overtakes an earlier one.
    private const string ClaimSql = """
        WITH next AS MATERIALIZED (
            SELECT d.id
            FROM triage.report_deliveries d
            JOIN triage.reports r ON r.id = d.report_id
            WHERE d.destination = @destination
              AND ((d.state = 'Pending' AND d.next_attempt_at <= @now) OR (d.state = 'Sending' AND d.lease_until < @now))
              AND NOT EXISTS (
                  SELECT 1
                  FROM triage.report_deliveries e
                  JOIN triage.reports older ON older.id = e.report_id
                  WHERE e.destination = d.destination
                    AND older.study_id = r.study_id
                    AND older.version < r.version
                    AND e.state IN ('Pending', 'Sending'))
            ORDER BY d.report_id, d.id
            LIMIT 1
            FOR UPDATE OF d SKIP LOCKED)
        UPDATE triage.report_deliveries d SET
            state = 'Sending',
            claimed_by = @owner,
            lease_until = @lease_until,
            attempts = d.attempts + 1,
            updated_at = @now
        FROM next
        WHERE d.id = next.id
        RETURNING d.id, d.report_id, d.destination, d.attempts
        """;

    // Each outcome only applies to the caller's own live claim: a delivery whose lease was taken over, or that a newer
    // version superseded meanwhile, is not the caller's to settle any more.
    private const string DeliveredSql = """
        UPDATE triage.report_deliveries SET state = 'Delivered', delivered_at = @now, lease_until = NULL, last_error = NULL,
            updated_at = @now
        WHERE id = @id AND state = 'Sending' AND claimed_by = @owner
        """;

    private const string RetryLaterSql = """
        UPDATE triage.report_deliveries SET state = 'Pending', next_attempt_at = @next_attempt_at, lease_until = NULL,
            last_error = @error, updated_at = @now
        WHERE id = @id AND state = 'Sending' AND claimed_by = @owner
        """;

    private const string FailedSql = """
        UPDATE triage.report_deliveries SET state = 'Failed', lease_until = NULL, last_error = @error, updated_at = @now
        WHERE id = @id AND state = 'Sending' AND claimed_by = @owner
        """;

    /// <summary>
    /// Claims the next delivery to <paramref name="destination"/> for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>: a pending one that is due, or a sending one whose lease has
    /// ended, oldest report first. Returns null when there is none. Concurrent claimers never get the same delivery.
    /// </summary>
    public Task<ClaimedDelivery?> ClaimNextAsync(
        string destination, string owner, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RequireDestination(destination);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        RequireUtc(now, nameof(now));
        return WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, ClaimSql);
            Add(command, "destination", destination);
            Add(command, "owner", Truncate(owner, Limits.WorkerId));
            Add(command, "now", now);
            Add(command, "lease_until", now + lease);
            return await ReadSingleAsync(
                command,
                r => new ClaimedDelivery(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3)),
                cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Marks the caller's claimed delivery delivered. False when it is not (or no longer) Sending under this owner.</summary>
    public Task<bool> MarkDeliveredAsync(long deliveryId, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        RequireUtc(now, nameof(now));
        return ExecuteOutcomeAsync(DeliveredSql, deliveryId, owner, now, null, null, cancellationToken);
    }

    /// <summary>
    /// Returns the caller's claimed delivery to Pending, due at <paramref name="nextAttemptAt"/>, with the error kept.
    /// False when it is not (or no longer) Sending under this owner.
    /// </summary>
    public Task<bool> RetryLaterAsync(
        long deliveryId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        RequireUtc(nextAttemptAt, nameof(nextAttemptAt));
        RequireUtc(now, nameof(now));
        return ExecuteOutcomeAsync(RetryLaterSql, deliveryId, owner, now, error, nextAttemptAt, cancellationToken);
    }

    /// <summary>Marks the caller's claimed delivery Failed for good with <paramref name="reason"/>. False when it is not
    /// (or no longer) Sending under this owner.</summary>
    public Task<bool> MarkFailedAsync(long deliveryId, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequireUtc(now, nameof(now));
        return ExecuteOutcomeAsync(FailedSql, deliveryId, owner, now, reason, null, cancellationToken);
    }

    private Task<bool> ExecuteOutcomeAsync(
        string sql,
        long deliveryId,
        string owner,
        DateTimeOffset now,
        string? error,
        DateTimeOffset? nextAttemptAt,
        CancellationToken cancellationToken)
        => WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, sql);
            Add(command, "id", deliveryId);
            Add(command, "owner", Truncate(owner, Limits.WorkerId));
            Add(command, "now", now);
            if (error is not null)
            {
                Add(command, "error", Truncate(error, Limits.Reason));
            }

            if (nextAttemptAt is { } next)
            {
                Add(command, "next_attempt_at", next);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
}
