using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using XrayTriage.Persistence.Identity;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Security;

/// <summary>Turns the identity provider's role or group claim into the pages' roles, and takes the user name from
/// the configured name claim; an SSO sign-in is audited like a local one.</summary>
internal static class OidcRoleMapping
{
    public static void Configure(OpenIdConnectOptions options, OidcOptions oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SaveTokens = false;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.CallbackPath = "/signin-oidc";
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Events.OnTokenValidated = async context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                foreach (var role in Map(identity.FindAll(oidc.RoleClaim).Select(c => c.Value), oidc))
                {
                    identity.AddClaim(new Claim(ClaimTypes.Role, role));
                }

                var audit = context.HttpContext.RequestServices.GetRequiredService<WebAudit>();
                await audit.LoginAsync(identity.Name ?? "(unnamed)", true, "single sign-on", context.HttpContext.RequestAborted);
            }
        };
    }

    /// <summary>The pages' roles for the provider's claim values (ordinal comparison).</summary>
    public static IReadOnlyList<string> Map(IEnumerable<string> values, OidcOptions oidc)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        var roles = new List<string>();
        if (oidc.RadiologistValues.Any(set.Contains))
        {
            roles.Add(UserRoles.Radiologist);
        }

        if (oidc.AdminValues.Any(set.Contains))
        {
            roles.Add(UserRoles.Admin);
        }

        return roles;
    }
}
