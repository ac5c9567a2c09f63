using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Upload;

/// <summary>Makes <c>Web:MaxUploadBytes</c> the request-body limit of the upload page's POST (every other request keeps
/// Kestrel's default of ~30 MB). Runs before anything can start reading the body, after which the limit is fixed.</summary>
internal static class UploadBodyLimit
{
    /// <summary>Room for the multipart framing, the antiforgery token and the store field next to the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/upload", StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize =
                context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MaxUploadBytes + FormOverheadBytes;
        }

        return next(context);
    }
}
