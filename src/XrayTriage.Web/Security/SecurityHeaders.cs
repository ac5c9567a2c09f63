using Microsoft.AspNetCore.Http;

namespace XrayTriage.Web.Security;

/// <summary>Response headers for every response: a content security policy without inline scripts or styles, no
/// framing, no MIME sniffing, no referrer, no caching of patient data.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/static", StringComparison.Ordinal))
        {
            // The same values antiforgery sets, so it has nothing to override (and logs no warning).
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next();
    }
}
