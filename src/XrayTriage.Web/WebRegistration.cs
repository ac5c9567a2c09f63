using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence.Identity;
using XrayTriage.Web.Api;
using XrayTriage.Web.Data;
using XrayTriage.Web.Options;
using XrayTriage.Web.Security;

namespace XrayTriage.Web;

public static class WebRegistration
{
    /// <summary>The pages, the API, local accounts (Identity over PostgreSQL) with cookie sign-in and, when
    /// <c>Web:Oidc:Enabled</c>, OpenID Connect. Call after <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        // Read once for the authentication schemes; the validator above stops start-up when it is wrong.
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        services.AddIdentityCore<IdentityUser>(AccountPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddIdentityDatabase()
            .AddSignInManager();
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o => CookieEvents.Configure(o, web.SessionMinutes));
        services.AddSingleton<SessionTicketStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordTimingEqualizer>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((o, store) => o.SessionStore = store);
        if (web.Oidc.Enabled && new WebOptionsValidator().Validate(null, web).Succeeded)
        {
            authentication.AddOpenIdConnect(OidcScheme, web.Oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ApplicationScheme;
                OidcRoleMapping.Configure(o, web.Oidc);
            });
        }

        services.AddAuthorization(WebPolicies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "xraytriage.antiforgery";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", WebPolicies.Reader);
            o.Conventions.AuthorizeFolder("/Audit", WebPolicies.Admin);
            o.Conventions.AllowAnonymousToFolder("/Account");
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = web.MaxUploadBytes);
        services.AddSingleton<WebAudit>();
        services.AddSingleton<WorklistQuery>();
        services.AddSingleton<StudyQuery>();
        services.AddSingleton<ReportDeliveries>();
        services.AddSingleton<PriorityActions>();
        services.AddSingleton<Upload.UploadClassifier>();
        services.AddSingleton<Upload.UploadStore>();
        services.AddSingleton<Upload.UploadGate>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RenditionCache>();
        services.AddSingleton<StudyImages>();
        services.AddSingleton<AuditQuery>();
        return builder;
    }

    public const string OidcScheme = "oidc";

    /// <summary>Security headers, authentication, the pages and <c>/api</c>. Health and metrics endpoints mapped
    /// elsewhere stay anonymous: every endpoint here asks for a policy explicitly.</summary>
    public static WebApplication MapWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.Apply);
        app.Use(Upload.UploadBodyLimit.Apply);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        StaticFiles.Map(app);
        StudiesApi.Map(app);
        AuditApi.Map(app);
        app.MapRazorPages();
        return app;
    }
}
