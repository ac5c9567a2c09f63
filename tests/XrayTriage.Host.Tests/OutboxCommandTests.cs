using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>xraytriage outbox list|retry</c> against a migrated database holding one delivered and one failed report.</summary>
public sealed class OutboxCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task OutboxList_FailedFilter_ShowsOnlyTheFailedDeliveryWithItsReason()
    {
        var connectionString = await SeededAsync();

        var result = await XrayTriageExecutable.RunAsync(["outbox", "list", "--state", "Failed"], Environment(connectionString));

        result.EnsureSuccess("outbox list");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id\treport\tstudy", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("\tbroken\tFailed\t", row, StringComparison.Ordinal);
        Assert.EndsWith("rejected-permanent: called AE title not recognized", row.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxRetry_Destination_RequeuesFailedOnlyAndAudits()
    {
        var connectionString = await SeededAsync();

        var result = await XrayTriageExecutable.RunAsync(["outbox", "retry", "--destination", "broken"], Environment(connectionString));

        result.EnsureSuccess("outbox retry");
        Assert.Contains("Re-queued 1 delivery(ies)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(
            "Pending",
            await ScalarAsync(connectionString, "SELECT state FROM triage.report_deliveries WHERE destination = 'broken'"));
        Assert.Equal(
            "Delivered",
            await ScalarAsync(connectionString, "SELECT state FROM triage.report_deliveries WHERE destination = 'pacs'"));
        Assert.Equal(1L, await ScalarAsync(connectionString,
            "SELECT count(*) FROM triage.audit_events WHERE subject = 'broken' AND detail LIKE 'xraytriage outbox retry: re-queued 1%'"));
    }

    [Fact]
    public async Task OutboxRetry_UnknownIdOrNoChoice_FailsClearly()
    {
        var connectionString = await SeededAsync();

        var unknown = await XrayTriageExecutable.RunAsync(["outbox", "retry", "--id", "999"], Environment(connectionString));
        var none = await XrayTriageExecutable.RunAsync(["outbox", "retry"], Environment(connectionString));

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Re-queued 0", unknown.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("Choose exactly one of --id N, --destination NAME or --all.", none.StandardError, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(string connectionString) =>
        new() { ["ConnectionStrings__Triage"] = connectionString };

    private async Task<string> SeededAsync()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await ScalarAsync(connectionString, """
            WITH s AS (
                INSERT INTO triage.studies (study_instance_uid, first_received_at, last_received_at, image_count, settled_at, updated_at)
                VALUES ('1.2.826.0.1.3680043.10.543.7', now(), now(), 1, now(), now()) RETURNING id),
            r AS (
                INSERT INTO triage.reports (study_id, version, created_at, image_count, fanned_out_at)
                SELECT id, 1, now(), 1, now() FROM s RETURNING id)
            INSERT INTO triage.report_deliveries
            """ + " (report_id, destination, state, attempts, next_attempt_at, created_at, updated_at, delivered_at, last_error)\n" + """
            SELECT id, 'pacs', 'Delivered', 1, now(), now(), now(), now(), NULL FROM r
            UNION ALL
            SELECT id, 'broken', 'Failed', 1, now(), now(), now(), NULL,
                   'Association with BROKEN@127.0.0.1:104 was rejected-permanent: called AE title not recognized' FROM r
            """);
        return connectionString;
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
