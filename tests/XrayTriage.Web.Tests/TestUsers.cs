namespace XrayTriage.Web.Tests;

/// <summary>The accounts the fixture creates with <c>xraytriage user add</c>.</summary>
public static class TestUsers
{
    public const string Radiologist = "rad.one";
    public const string Admin = "admin.one";

    /// <summary>Signed in, but holds no role (its role row is deleted after creation).</summary>
    public const string NoRole = "clerk.one";

    public const string Password = "Correct-Horse-42";
}
