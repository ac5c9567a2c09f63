using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace XrayTriage.Persistence;

/// <summary>
/// The report outbox in PostgreSQL. Settling a study writes its report row (<see cref="TriageWorkStore.SettleAsync"/>);
/// this store fans each report out to one delivery per configured destination, lets senders claim deliveries with
/// <c>FOR UPDATE SKIP LOCKED</c> leases and record the outcome, supersedes undelivered older versions, serves the
/// report's content, the admin list and re-queue, and tells spool retention which files are no longer needed.
/// Several processes may share one database; every race is decided by a row lock or a unique constraint. Times are
/// passed in by the caller (from its <see cref="TimeProvider"/>).
/// </summary>
public sealed partial class ReportOutboxStore(IDbContextFactory<TriageDbContext> contextFactory)
{
    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        return await work(connection);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
        => new(sql, connection, transaction);

    private static void Add<T>(NpgsqlCommand command, string name, T value)
        => command.Parameters.Add(new NpgsqlParameter<T>(name, value));

    private static async Task<T?> ReadSingleAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? NullableString(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Truncate(string value, int maxLength)
        => value.Length <= maxLength ? value : value[..maxLength];

    private static void RequireUtc(DateTimeOffset time, string name)
    {
        if (time.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Times are stored as UTC; pass TimeProvider.GetUtcNow().", name);
        }
    }
}
