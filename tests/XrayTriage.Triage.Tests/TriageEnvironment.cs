using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>One private PostgreSQL and one smoke ensemble for every test here; each test gets its own migrated
/// database and spool folder.</summary>
[CollectionDefinition(Name)]
public sealed class TriageEnvironment : ICollectionFixture<PostgresFixture>, ICollectionFixture<SmokeEnsembleFixture>
{
    public const string Name = "triage";
}
