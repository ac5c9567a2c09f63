using Microsoft.AspNetCore.Authorization;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Web.Security;

/// <summary>Who may see what: readers (radiologists and admins) the worklist, studies and uploads; admins the audit trail.</summary>
internal static class WebPolicies
{
    public const string Reader = "reader";

    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Radiologist, UserRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Admin));
    }
}
