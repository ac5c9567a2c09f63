using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace XrayTriage.Web.Api;

/// <summary>The pages' script and style sheet, embedded in the assembly (no static-web-assets manifest or wwwroot
/// needed wherever the service runs). Public: the login page needs them before sign-in.</summary>
internal static class StaticFiles
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> Files = Load();

    public static void Map(IEndpointRouteBuilder routes)
        => routes.MapGet("/static/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(file.Content, file.Type);
        }).AllowAnonymous();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(StaticFiles).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("static/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource["static/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (memory.ToArray(), type);
        }

        return files;
    }
}
