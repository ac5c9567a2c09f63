using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using XrayTriage.Testing;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesThePipelineTablesAndLeavesNothingPending()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        var maintenance = new DatabaseMaintenance(new PooledDbContextFactory<TriageDbContext>(options.Options));

        var applied = await maintenance.MigrateAsync(CancellationToken.None);
        var status = await maintenance.GetStatusAsync(CancellationToken.None);

        Assert.Contains(applied, m => m.EndsWith("_AddTriagePipeline", StringComparison.Ordinal));
        Assert.True(status.IsReady, string.Join(", ", status.PendingMigrations));
        await using var context = new TriageDbContext(options.Options);
        var tables = await context.Database
            .SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables "
                + "WHERE table_schema = 'triage' AND table_type = 'BASE TABLE' ORDER BY 1")
            .ToListAsync();
        Assert.Contains(applied, m => m.EndsWith("_AddReportOutbox", StringComparison.Ordinal));
        Assert.Equal(
            [
                "__ef_migrations_history", "audit_events", "findings", "inference_runs", "instances", "report_deliveries", "reports",
                "studies", "triage_results",
            ],
            tables);
    }

    [Fact]
    public void Model_ComparedWithTheLastMigration_HasNoPendingChanges()
    {
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, "Host=127.0.0.1;Database=unused");
        using var context = new TriageDbContext(options.Options);

        Assert.False(
            context.Database.HasPendingModelChanges(),
            "The model has changes no migration captures: dotnet ef migrations add <Intent>.");
    }

    [Fact]
    public async Task Migrate_DownToTheTriagePipeline_RemovesTheOutboxAndItsColumnsOnly()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        await using var context = new TriageDbContext(options.Options);
        var pipeline = context.Database.GetMigrations().Single(m => m.EndsWith("_AddTriagePipeline", StringComparison.Ordinal));

        await context.GetService<IMigrator>().MigrateAsync(pipeline);

        var tables = await context.Database
            .SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables "
                + "WHERE table_schema = 'triage' AND table_type = 'BASE TABLE' ORDER BY 1")
            .ToListAsync();
        Assert.Equal(
            ["__ef_migrations_history", "audit_events", "findings", "inference_runs", "instances", "studies", "triage_results"],
            tables);
        var outboxColumns = await context.Database
            .SqlQueryRaw<string>("""
                SELECT column_name AS "Value" FROM information_schema.columns
                WHERE table_schema = 'triage' AND column_name IN ('sr_series_uuid', 'sc_series_uuid', 'tracking_uuid', 'sc_uuid',
                    'spool_purged_at', 'heatmap', 'heatmap_width', 'heatmap_height')
                """)
            .ToListAsync();
        Assert.Empty(outboxColumns);

        await context.GetService<IMigrator>().MigrateAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_DownToTheAuditTrail_RemovesThePipelineTablesOnly()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        await using var context = new TriageDbContext(options.Options);
        var auditTrail = context.Database.GetMigrations().Single(m => m.EndsWith("_CreateAuditTrail", StringComparison.Ordinal));

        await context.GetService<IMigrator>().MigrateAsync(auditTrail);

        var tables = await context.Database
            .SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables "
                + "WHERE table_schema = 'triage' AND table_type = 'BASE TABLE' ORDER BY 1")
            .ToListAsync();
        Assert.Equal(["__ef_migrations_history", "audit_events"], tables);
    }
}
