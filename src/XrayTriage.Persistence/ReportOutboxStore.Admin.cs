using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class ReportOutboxStore
{
    // Attempts start again from zero so the sender's retry budget applies afresh; the last error is kept until the
    // next attempt replaces it.
    private const string RequeueSql = """
        UPDATE triage.report_deliveries SET state = 'Pending', attempts = 0, next_attempt_at = @now, lease_until = NULL, updated_at = @now
        WHERE state = 'Failed'
          AND (@id::bigint IS NULL OR id = @id::bigint)
          AND (@destination::text IS NULL OR destination = @destination::text)
        """;

    private const string ListSql = """
        SELECT d.id, d.report_id, r.study_id, r.version, d.destination, d.state, d.attempts, d.last_error,
            d.next_attempt_at, d.created_at, d.updated_at, d.delivered_at
        FROM triage.report_deliveries d
        JOIN triage.reports r ON r.id = d.report_id
        WHERE (@state::text IS NULL OR d.state = @state::text)
          AND (@destination::text IS NULL OR d.destination = @destination::text)
          AND (@study_id::bigint IS NULL OR r.study_id = @study_id::bigint)
        ORDER BY d.id DESC
        LIMIT @take
        """;

    private const string CountSql = """
        SELECT destination, state, count(*)::int FROM triage.report_deliveries GROUP BY destination, state ORDER BY destination, state
        """;

    /// <summary>
    /// Puts Failed deliveries back to Pending, due at <paramref name="now"/>, with their attempts reset: the one with
    /// id <paramref name="deliveryId"/>, those to <paramref name="destination"/>, both filters together, or every
    /// failed one when both are null. Returns how many were re-queued.
    /// </summary>
    public Task<int> RequeueAsync(long? deliveryId, string? destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RequireUtc(now, nameof(now));
        return WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, RequeueSql);
            Add(command, "id", deliveryId);
            Add(command, "destination", destination);
            Add(command, "now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Newest deliveries first, filtered by state, destination and study where given, at most <paramref name="take"/>.</summary>
    public Task<IReadOnlyList<DeliveryRow>> ListAsync(
        DeliveryState? state, string? destination, long? studyId, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return WithConnectionAsync<IReadOnlyList<DeliveryRow>>(async connection =>
        {
            await using var command = Command(connection, ListSql);
            Add(command, "state", state?.ToString());
            Add(command, "destination", destination);
            Add(command, "study_id", studyId);
            Add(command, "take", take);
            var rows = new List<DeliveryRow>();
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                rows.Add(new DeliveryRow(
                    r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.GetString(4), Enum.Parse<DeliveryState>(r.GetString(5)),
                    r.GetInt32(6), NullableString(r, 7), r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9),
                    r.GetFieldValue<DateTimeOffset>(10), NullableTime(r, 11)));
            }

            return rows;
        }, cancellationToken);
    }

    /// <summary>Number of deliveries per destination and state (metrics); combinations with none are absent.</summary>
    public Task<IReadOnlyList<DeliveryCount>> CountByStateAsync(CancellationToken cancellationToken)
        => WithConnectionAsync<IReadOnlyList<DeliveryCount>>(async connection =>
        {
            await using var command = Command(connection, CountSql);
            var counts = new List<DeliveryCount>();
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                counts.Add(new DeliveryCount(r.GetString(0), Enum.Parse<DeliveryState>(r.GetString(1)), r.GetInt32(2)));
            }

            return counts;
        }, cancellationToken);
}
