using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace XrayTriage.Persistence;

/// <summary>
/// The durable work state of the pipeline in PostgreSQL: ingest records instances, triage workers claim them with
/// <c>FOR UPDATE SKIP LOCKED</c> leases, complete or fail them, and a sweep settles quiet studies. Several
/// <c>serve</c> processes may share one database; every race is decided by a row lock or a unique constraint.
/// Times are passed in by the caller (from its <see cref="TimeProvider"/>) so tests and workers agree on "now".
/// The statements are SQL rather than LINQ because their point is the locking clause of each one.
/// </summary>
public sealed partial class TriageWorkStore(IDbContextFactory<TriageDbContext> contextFactory)
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

    private static string? Truncate(string? value, int maxLength)
        => value is null || value.Length <= maxLength ? value : value[..maxLength];

    private static void RequireUtc(DateTimeOffset time, string name)
    {
        if (time.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Times are stored as UTC; pass TimeProvider.GetUtcNow().", name);
        }
    }
}
