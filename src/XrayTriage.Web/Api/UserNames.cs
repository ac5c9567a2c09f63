using System.Security.Claims;

namespace XrayTriage.Web.Api;

internal static class UserNames
{
    /// <summary>The signed-in user's name as audited.</summary>
    public static string Of(ClaimsPrincipal user) => user?.Identity?.Name ?? "(anonymous)";
}
