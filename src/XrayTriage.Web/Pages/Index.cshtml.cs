using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using XrayTriage.Web.Data;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Pages;

/// <summary>The worklist: server-rendered, then refreshed by /static/app.js from <c>/api/studies</c> with the same filters.</summary>
internal sealed class WorklistModel(WorklistQuery worklist, IOptions<WebOptions> options) : PageModel
{
    internal WorklistFilter Filter { get; private set; } = new(null, null, null, null, null, 0, 50);

    internal WorklistPage Result { get; private set; } = new(0, 0, 50, []);

    public string? Error { get; private set; }

    public int RefreshSeconds => options.Value.RefreshSeconds;

    /// <summary>The filters as a query string for the refresh script.</summary>
    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = WorklistFilter.Parse(key => Request.Query[key], out var error);
        if (filter is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filter = filter;
        Query = PageQuery(filter.Skip);
        Result = await worklist.GetAsync(filter, cancellationToken);
        return Page();
    }

    public string PageQuery(int skip)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["priority"] = Filter.Priority,
            ["status"] = Filter.Status,
            ["modality"] = Filter.Modality,
            ["from"] = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["skip"] = skip.ToString(CultureInfo.InvariantCulture),
            ["take"] = Filter.Take.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        return query.ToUriComponent().TrimStart('?');
    }
}
