using System.Data;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace XrayTriage.Persistence;

/// <summary>The small ADO.NET helpers of the stores whose statements are hand-written SQL (<see cref="TriageWorkStore"/>,
/// <see cref="ReportOutboxStore"/>): a pooled context's open connection, typed parameters, single-row reads, nullable
/// columns, length limits and the UTC rule for times passed in.</summary>
internal static class StoreSql
{
    public static async Task<T> WithConnectionAsync<T>(
        IDbContextFactory<TriageDbContext> contextFactory, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        return await work(connection);
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
        => new(sql, connection, transaction);

    public static void Add<T>(NpgsqlCommand command, string name, T value)
        => command.Parameters.Add(new NpgsqlParameter<T>(name, value));

    public static async Task<T?> ReadSingleAsync<T>(
        NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? NullableString(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Truncate(string? value, int maxLength)
        => value is null || value.Length <= maxLength ? value : value[..maxLength];

    public static void RequireUtc(DateTimeOffset time, string name)
    {
        if (time.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Times are stored as UTC; pass TimeProvider.GetUtcNow().", name);
        }
    }
}
