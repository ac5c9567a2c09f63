using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using XrayTriage.Web.Data;

namespace XrayTriage.Web.Pages.Audit;

/// <summary>Admins search the audit trail (page folder /Audit is admin-only) and export it as CSV.</summary>
internal sealed class AuditModel(AuditQuery query) : PageModel
{
    private static readonly string[] Keys = ["from", "to", "event", "actor", "subject"];

    internal AuditPage Result { get; private set; } = new(0, 0, 50, []);

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(key => Request.Query[key], out var error);
        if (filter is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await query.SearchAsync(filter, cancellationToken);
        return Page();
    }

    public string? Input(string key) => Request.Query[key].FirstOrDefault();

    /// <summary>The current filters (and an optional offset) as a query string.</summary>
    public string FilterQuery(int? skip)
    {
        var pairs = Keys.Select(k => new KeyValuePair<string, string?>(k, Input(k))).Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        if (skip is { } s)
        {
            pairs.Add(new("skip", s.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }
}
