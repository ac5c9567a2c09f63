using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace XrayTriage.Persistence;

/// <summary>Applies migrations and reports whether the database is reachable and up to date.</summary>
public sealed class DatabaseMaintenance(IDbContextFactory<TriageDbContext> contextFactory)
{
    /// <summary>Applies every pending migration; returns the ids it applied (empty when already current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task<DatabaseStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return new DatabaseStatus(true, pending, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseStatus(false, [], Describe(ex));
        }
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
