using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

public sealed class MigrateTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrate_RunTwice_SecondRunAppliesNothing()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString };

        var first = await XrayTriageExecutable.RunAsync(["migrate"], environment);
        var second = await XrayTriageExecutable.RunAsync(["migrate"], environment);

        first.EnsureSuccess("first migrate");
        Assert.Contains("Applied ", first.StandardOutput, StringComparison.Ordinal);
        second.EnsureSuccess("second migrate");
        Assert.Contains("up to date", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(connectionString,
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'ApplicationActivity' AND detail LIKE 'schema migrated%'"));
    }

    [Fact]
    public async Task Migrate_NewDatabase_PrintsOnlyTheAppliedMigrations()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();

        var result = await XrayTriageExecutable.RunAsync(
            ["migrate"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });

        result.EnsureSuccess("migrate on a new database");
        Assert.Empty(result.StandardError);
        Assert.All(
            result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.StartsWith("Applied ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_DatabaseDown_ExitsOneWithOneLine()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Triage"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=x;Username=x;Timeout=2",
        };

        var result = await XrayTriageExecutable.RunAsync(["migrate"], environment);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("xraytriage migrate: failed: cannot reach PostgreSQL", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE triage.audit_events SET detail = 'rewritten'")]
    [InlineData("DELETE FROM triage.audit_events")]
    [InlineData("TRUNCATE triage.audit_events")]
    public async Task AuditTrail_RewriteAttempt_IsRefusedEvenForTheOwner(string sql)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await ScalarAsync(connectionString,
            "INSERT INTO triage.audit_events (occurred_at, event_id, event_type, outcome, actor, detail, node) " +
            "VALUES (now(), 'ApplicationActivity', 'ApplicationStart', 'Success', 'TEST', 'row', 'node') RETURNING id");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connectionString, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(1L, await ScalarAsync(connectionString, "SELECT count(*) FROM triage.audit_events WHERE detail = 'row'"));
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
