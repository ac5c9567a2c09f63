using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace XrayTriage.Persistence;

/// <summary>Applies migrations and reports whether the database is reachable and up to date.</summary>
public sealed class DatabaseMaintenance(IDbContextFactory<TriageDbContext> contextFactory)
{
    /// <summary>Applies every pending migration; returns the ids it applied (empty when already current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CreateHistoryTableAsync(context, cancellationToken);
        var pending = await PendingAsync(context, cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task<DatabaseStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            return new DatabaseStatus(true, await PendingAsync(context, cancellationToken), null);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseStatus(false, [], Describe(ex));
        }
    }

    /// <summary>
    /// Creates the schema and its empty migration history table when they are missing. EF Core's migrator reads the
    /// history table before it has created it, and the Npgsql provider logs the expected "relation does not exist" as a
    /// failed command (efcore.pg #3407): on a new database <c>migrate</c> printed two <c>fail:</c> blocks per schema
    /// before succeeding. With the table in place those reads succeed; a real failure still logs and throws.
    /// </summary>
    internal static async Task CreateHistoryTableAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
    }

    // Asks whether the history table exists before reading it, so a new database logs no failed command.
    private static async Task<IReadOnlyList<string>> PendingAsync(TriageDbContext context, CancellationToken cancellationToken)
    {
        var history = context.GetService<IHistoryRepository>();
        var all = context.Database.GetMigrations().ToList();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return all;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken))
            .Select(m => m.MigrationId)
            .ToHashSet(StringComparer.Ordinal);
        return all.Where(m => !applied.Contains(m)).ToList();
    }

    /// <summary>A one-line reason for a database failure that names no password.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner.InnerException is not null && inner is not NpgsqlException)
        {
            inner = inner.InnerException;
        }

        return inner switch
        {
            PostgresException pg => $"PostgreSQL error {pg.SqlState}: {pg.MessageText}",
            NpgsqlException npgsql => $"cannot reach PostgreSQL: {npgsql.InnerException?.Message ?? npgsql.Message}",
            _ => inner.Message,
        };
    }
}
