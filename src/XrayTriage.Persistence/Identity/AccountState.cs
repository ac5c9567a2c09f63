namespace XrayTriage.Persistence.Identity;

/// <summary>What a signed-in session is checked against on every request: the account's security stamp (changed by
/// a password change or <c>user disable</c>), whether it is disabled, and its roles.</summary>
public sealed record AccountState(string? SecurityStamp, bool Disabled, IReadOnlyList<string> Roles);
