namespace XrayTriage.Persistence;

/// <summary>What a readiness probe needs to know about the database.</summary>
/// <param name="Reachable">A connection could be opened.</param>
/// <param name="PendingMigrations">Migrations known to this build but not applied to the database.</param>
/// <param name="Error">Why the database is not reachable, without secrets; null when reachable.</param>
public sealed record DatabaseStatus(bool Reachable, IReadOnlyList<string> PendingMigrations, string? Error)
{
    public bool IsReady => Reachable && PendingMigrations.Count == 0;
}
