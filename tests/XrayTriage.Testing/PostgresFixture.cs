using Microsoft.EntityFrameworkCore;
using Xunit;
using XrayTriage.Persistence;

namespace XrayTriage.Testing;

/// <summary>
/// xUnit fixture: one private PostgreSQL per test class (or collection); each test asks for a fresh database
/// with the real migrations applied — no EnsureCreated, no SQLite, no mocks.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new empty database (no schema).</summary>
    public Task<string> CreateEmptyDatabaseAsync() => Server.CreateDatabaseAsync();

    /// <summary>A new database with every migration of this build applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await Server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        await using var context = new TriageDbContext(options.Options);
        await context.Database.MigrateAsync();
        return connectionString;
    }
}
