using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence.Configurations;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class ReportOutboxStore
{
    // One statement, so one transaction. SKIP LOCKED gives two fanning processes disjoint sets of reports; the unique
    // (report_id, destination) is the backstop. A newer version supersedes the not-yet-delivered deliveries of older
    // versions to the same destination: Pending and Failed ones, and Sending ones whose sender is gone (lease expired).
    // A live Sending one is left to finish — delivering the older version first does no harm. An older version fanned
    // out after a newer one exists (both waiting, or two processes taking them in either order) is born Superseded,
    // because this statement cannot see rows it inserts itself nor rows another process has not committed yet.
    private const string FanOutSql = """
        WITH due AS MATERIALIZED (
            SELECT r.id, r.study_id, r.version
            FROM triage.reports r
            WHERE r.fanned_out_at IS NULL
            ORDER BY r.id
            LIMIT @max
            FOR UPDATE SKIP LOCKED),
        marked AS (
            UPDATE triage.reports r SET fanned_out_at = @now
            FROM due
            WHERE r.id = due.id
            RETURNING r.id),
        inserted AS (
            INSERT INTO triage.report_deliveries (report_id, destination, state, attempts, next_attempt_at, created_at, updated_at)
            SELECT due.id, d.name,
                CASE WHEN EXISTS (SELECT 1 FROM triage.reports newer WHERE newer.study_id = due.study_id AND newer.version > due.version)
                    THEN 'Superseded' ELSE 'Pending' END,
                0, @now, @now, @now
            FROM due CROSS JOIN unnest(@destinations) AS d(name)
            ON CONFLICT (report_id, destination) DO NOTHING
            RETURNING id),
        superseded AS (
            UPDATE triage.report_deliveries d SET state = 'Superseded', lease_until = NULL, updated_at = @now
            FROM triage.reports older, due
            WHERE d.report_id = older.id
              AND older.study_id = due.study_id
              AND older.version < due.version
              AND d.destination = ANY(@destinations)
              AND (d.state IN ('Pending', 'Failed') OR (d.state = 'Sending' AND d.lease_until < @now))
            RETURNING d.id)
        SELECT (SELECT count(*) FROM marked), (SELECT count(*) FROM inserted), (SELECT count(*) FROM superseded)
        """;

    private const int FanOutBatch = 500;

    /// <summary>
    /// For every report not fanned out yet, writes one <see cref="DeliveryState.Pending"/> delivery per destination
    /// (due at <paramref name="now"/>) and marks the report fanned out; in the same transaction, undelivered
    /// deliveries of older versions of the same study to those destinations become <see cref="DeliveryState.Superseded"/>.
    /// Returns the number of reports fanned out. Idempotent and safe from several processes at once. With no
    /// destination the reports are marked fanned out to nobody: a PACS configured later receives the reports created
    /// from then on, not a backlog of old studies, and the spool files of reported studies can be purged.
    /// </summary>
    public async Task<int> FanOutAsync(IReadOnlyList<string> destinations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        RequireUtc(now, nameof(now));
        var names = ValidDestinations(destinations);
        var total = 0;
        while (true)
        {
            var reports = await WithConnectionAsync(async connection =>
            {
                await using var command = Command(connection, FanOutSql);
                Add(command, "destinations", names);
                Add(command, "now", now);
                Add(command, "max", FanOutBatch);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return (int)reader.GetInt64(0);
            }, cancellationToken);
            total += reports;
            if (reports < FanOutBatch)
            {
                return total;
            }
        }
    }

    private static string[] ValidDestinations(IReadOnlyList<string> destinations)
    {
        foreach (var name in destinations)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(destinations));
            if (name.Length > Limits.Destination)
            {
                throw new ArgumentException($"A destination name has at most {Limits.Destination} characters.", nameof(destinations));
            }
        }

        return [.. destinations.Distinct(StringComparer.Ordinal)];
    }

    private static void RequireDestination(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (destination.Length > Limits.Destination)
        {
            throw new ArgumentException($"A destination name has at most {Limits.Destination} characters.", nameof(destination));
        }
    }
}
