using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Delivery;

/// <summary>One private PostgreSQL for the delivery tests; each test migrates a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ReportingPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "reporting-postgres";
}
