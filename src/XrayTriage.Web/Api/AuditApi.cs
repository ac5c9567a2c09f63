using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using XrayTriage.Core;
using XrayTriage.Web.Data;
using XrayTriage.Web.Security;

namespace XrayTriage.Web.Api;

/// <summary><c>/api/audit</c> (JSON search) and <c>/api/audit/export.csv</c>; admins only. Both uses of the audit
/// log are themselves audited (Audit Log Used).</summary>
internal static class AuditApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").RequireAuthorization(WebPolicies.Admin);
        group.MapGet("", SearchAsync);
        group.MapGet("/export.csv", ExportAsync);
    }

    private static async Task<IResult> SearchAsync(HttpContext http, AuditQuery query, WebAudit audit, CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(key => http.Request.Query[key], out var error);
        if (filter is null)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = await query.SearchAsync(filter, cancellationToken);
        await audit.AuditLogUsedAsync(
            UserNames.Of(http.User), $"searched the audit log through the API ({page.Total} match(es))", cancellationToken);
        return Results.Ok(page);
    }

    private static async Task ExportAsync(
        HttpContext http, AuditQuery query, WebAudit audit, ILogger<WebAudit> logger, CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(key => http.Request.Query[key], out var error);
        if (filter is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync(error ?? "bad filter", cancellationToken);
            return;
        }

        var user = UserNames.Of(http.User);
        // Audited before the first byte leaves: an export that cannot be recorded does not happen.
        await audit.AuditLogUsedAsync(user, "exported the audit log as CSV (" + Describe(filter) + ")", cancellationToken);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"xraytriage-audit.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync(AuditCsv.Header);
        var count = 0;
        await foreach (var row in query.ExportAsync(filter, cancellationToken))
        {
            await writer.WriteLineAsync(AuditCsv.Line(row));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        Log.AuditExported(logger, LogText.Escape(user), count);
    }

    private static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (filter.From is { } from)
        {
            parts.Add("from " + from.ToString("O", CultureInfo.InvariantCulture));
        }

        if (filter.To is { } to)
        {
            parts.Add("to " + to.ToString("O", CultureInfo.InvariantCulture));
        }

        if (filter.Event is { } e)
        {
            parts.Add("event " + e);
        }

        if (filter.Actor is not null)
        {
            parts.Add("actor filter");
        }

        if (filter.Subject is not null)
        {
            parts.Add("subject filter");
        }

        return parts.Count == 0 ? "all events" : string.Join(", ", parts);
    }
}
