using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence.Configurations;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // The MATERIALIZED CTE runs the locking SELECT exactly once (an IN (subquery) may be re-planned as a join and
    // lock more rows than LIMIT). A 'Processing' row whose lease has expired belonged to a worker that crashed or
    // hung; taking it over counts as a failed attempt, so an image that kills its worker every time still runs out
    // of attempts (the worker fails a claim whose Attempts already reached its limit without processing it).
    private const string ClaimSql = """
        WITH next AS MATERIALIZED (
            SELECT id, state AS previous_state, claimed_by AS previous_owner
            FROM triage.instances
            WHERE (state = 'Received' AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
               OR (state = 'Processing' AND claimed_at <= @lease_expired_before)
            ORDER BY received_at, id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE triage.instances i SET
            state = 'Processing',
            claimed_by = @worker,
            claimed_at = @now,
            attempts = i.attempts + CASE WHEN n.previous_state = 'Processing' THEN 1 ELSE 0 END,
            last_error = CASE WHEN n.previous_state = 'Processing'
                THEN 'lease of ' || n.previous_owner || ' expired' ELSE i.last_error END
        FROM next n, triage.studies s
        WHERE i.id = n.id AND s.id = i.study_id
        RETURNING i.id, i.study_id, s.study_instance_uid, i.sop_instance_uid, i.sop_class_uid, i.transfer_syntax_uid,
            i.spool_path, i.sha256, i.attempts, i.received_at
        """;

    // Exponential backoff: backoff × 2^(failures before this one), the exponent capped so the interval stays sane.
    // Failing for good makes the study at least not assessable, so it reaches the worklist and can settle.
    private static readonly string FailSql = $"""
        WITH failed AS (
            UPDATE triage.instances SET
                attempts = attempts + 1,
                last_error = @reason,
                state = CASE WHEN attempts + 1 >= @max_attempts THEN 'Failed' ELSE 'Received' END,
                next_attempt_at = CASE WHEN attempts + 1 >= @max_attempts THEN NULL
                    ELSE @now + @backoff * power(2, LEAST(attempts, 20)) END,
                claimed_by = NULL,
                claimed_at = NULL
            WHERE id = @id AND state = 'Processing' AND claimed_by = @worker
            RETURNING study_id, state, attempts, next_attempt_at),
        study AS (
            UPDATE triage.studies s SET
                triage_priority = 'NotAssessable',
                updated_at = @now
            FROM failed f
            WHERE s.id = f.study_id AND f.state = 'Failed' AND s.priority_rank < {PriorityRankSql.NotAssessable})
        SELECT state, attempts, next_attempt_at FROM failed
        """;

    /// <summary>
    /// Claims up to <paramref name="max"/> instances for <paramref name="workerId"/>, oldest first: queued ones that
    /// are due, and ones whose claim is older than <paramref name="leaseTimeout"/> (their worker is gone). Rows
    /// another worker is claiming right now are skipped, not waited for, so concurrent claimers get disjoint sets.
    /// </summary>
    public Task<IReadOnlyList<ClaimedInstance>> ClaimAsync(
        string workerId, int max, TimeSpan leaseTimeout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseTimeout, TimeSpan.Zero);
        RequireUtc(now, nameof(now));
        return WithConnectionAsync<IReadOnlyList<ClaimedInstance>>(async connection =>
        {
            await using var command = Command(connection, ClaimSql);
            Add(command, "worker", Truncate(workerId, Limits.WorkerId)!);
            Add(command, "max", max);
            Add(command, "now", now);
            Add(command, "lease_expired_before", now - leaseTimeout);
            var claimed = new List<(ClaimedInstance Instance, DateTimeOffset ReceivedAt)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add((new ClaimedInstance(
                        reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8)),
                        reader.GetFieldValue<DateTimeOffset>(9)));
                }
            }

            // RETURNING has no order of its own; hand work out oldest first.
            return claimed
                .OrderBy(c => c.ReceivedAt)
                .ThenBy(c => c.Instance.InstanceId)
                .Select(c => c.Instance with { ReceivedAt = c.ReceivedAt })
                .ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// Records a failed attempt of <paramref name="workerId"/>'s claim: back to the queue after an exponential
    /// backoff, or <see cref="InstanceState.Failed"/> once <paramref name="maxAttempts"/> attempts have failed.
    /// Returns null when the instance is not (or no longer) claimed by this worker — e.g. its lease was taken over.
    /// </summary>
    public Task<FailResult?> FailAsync(
        long instanceId,
        string workerId,
        string reason,
        int maxAttempts,
        TimeSpan backoff,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoff, TimeSpan.Zero);
        RequireUtc(now, nameof(now));
        return WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, FailSql);
            Add(command, "id", instanceId);
            Add(command, "worker", Truncate(workerId, Limits.WorkerId)!);
            Add(command, "reason", Truncate(reason, Limits.Reason)!);
            Add(command, "max_attempts", maxAttempts);
            Add(command, "backoff", backoff);
            Add(command, "now", now);
            return await ReadSingleAsync(command, r => new FailResult(
                Enum.Parse<InstanceState>(r.GetString(0)), r.GetInt32(1), NullableTime(r, 2)), cancellationToken);
        }, cancellationToken);
    }
}
