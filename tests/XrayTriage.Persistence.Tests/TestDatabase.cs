using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Persistence.Tests;

/// <summary>A migrated database of its own with the store under test and a way to look at rows directly.</summary>
internal sealed class TestDatabase
{
    private TestDatabase(string connectionString, PooledDbContextFactory<TriageDbContext> factory)
    {
        ConnectionString = connectionString;
        Factory = factory;
        Store = new TriageWorkStore(factory);
        Outbox = new ReportOutboxStore(factory);
    }

    public string ConnectionString { get; }

    public PooledDbContextFactory<TriageDbContext> Factory { get; }

    public TriageWorkStore Store { get; }

    public ReportOutboxStore Outbox { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresFixture postgres)
    {
        var migrated = await postgres.CreateMigratedDatabaseAsync();
        // The fixture's strings turn pooling off; the concurrency tests open many short connections.
        var connectionString = new NpgsqlConnectionStringBuilder(migrated) { Pooling = true, MaxPoolSize = 40 }.ConnectionString;
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        return new TestDatabase(connectionString, new PooledDbContextFactory<TriageDbContext>(options.Options));
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result switch
        {
            null or DBNull => default!,
            // timestamptz comes back as a UTC DateTime from ExecuteScalar
            DateTime utc when typeof(T) == typeof(DateTimeOffset) => (T)(object)new DateTimeOffset(utc),
            _ => (T)result,
        };
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0)
                ? "<null>"
                : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
