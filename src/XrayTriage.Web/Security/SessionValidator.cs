using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Web.Security;

/// <summary>Checks a local account's session against the database on every request (one query), instead of Identity's
/// security-stamp check every 30 minutes: a disabled account, a changed password (new security stamp) or a deleted
/// account ends the session at once; changed roles replace the session's roles at once. Single sign-on sessions carry
/// no security stamp; their roles are the identity provider's at sign-in and they end at sign-out or expiry.</summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
        var userId = principal?.FindFirstValue(claims.UserIdClaimType);
        if (principal is null || stamp is null || userId is null)
        {
            return;
        }

        var account = await services.GetRequiredService<UserSessionStore>().FindAccountAsync(userId, context.HttpContext.RequestAborted);
        var reason = account is null ? "account removed"
            : account.Disabled ? "account disabled"
            : !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal) ? "security stamp changed"
            : null;
        if (reason is not null)
        {
            Log.SessionEnded(
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidator)),
                LogText.Escape(principal.Identity?.Name ?? userId),
                reason);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var roles = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!roles.SetEquals(account!.Roles))
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            if (await users.FindByIdAsync(userId) is { } user)
            {
                context.ReplacePrincipal(await services.GetRequiredService<SignInManager<IdentityUser>>().CreateUserPrincipalAsync(user));
                context.ShouldRenew = true;
            }
        }
    }
}
