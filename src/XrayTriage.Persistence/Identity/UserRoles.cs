namespace XrayTriage.Persistence.Identity;

/// <summary>The two roles of the web pages: radiologists read the worklist and studies; admins also read the audit trail.</summary>
public static class UserRoles
{
    public const string Radiologist = "radiologist";

    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Radiologist, Admin];
}
