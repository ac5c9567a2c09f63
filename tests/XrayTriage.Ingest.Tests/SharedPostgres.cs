using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>One private PostgreSQL for every test class here; each test gets its own freshly migrated database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
