using System.Globalization;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Web.Data;

/// <summary>The worklist's filters, read from the query string of the page and of <c>/api/studies</c>. Unknown values
/// are errors, not silently ignored filters.</summary>
/// <param name="Priority">Wire name: urgent, routine, not-assessable, pending.</param>
/// <param name="From">First day received (UTC), inclusive.</param>
/// <param name="To">Last day received (UTC), inclusive.</param>
/// <param name="Modality">CR, DX, …</param>
/// <param name="Status">awaiting-triage, triaged, settled, acknowledged.</param>
/// <param name="Skip">Rows to skip (paging).</param>
/// <param name="Take">Rows to return, at most <see cref="MaxTake"/>.</param>
internal sealed record WorklistFilter(string? Priority, DateOnly? From, DateOnly? To, string? Modality, string? Status, int Skip, int Take)
{
    public const int MaxTake = 200;

    public static IReadOnlyList<string> Statuses { get; } = ["awaiting-triage", "triaged", "settled", "acknowledged"];

    public static IReadOnlyList<string> Priorities { get; } =
        [.. TriagePriorityNames.MostUrgentFirst.Select(p => p.ToWireName()), TriagePriorityNames.Pending];

    /// <summary>Null and an error message when a value is not understood.</summary>
    public static WorklistFilter? Parse(Func<string, string?> query, out string? error)
    {
        error = null;
        var priority = Empty(query("priority"));
        if (priority is not null && !Priorities.Contains(priority))
        {
            error = $"priority must be one of {string.Join(", ", Priorities)}";
            return null;
        }

        var status = Empty(query("status"));
        if (status is not null && !Statuses.Contains(status))
        {
            error = $"status must be one of {string.Join(", ", Statuses)}";
            return null;
        }

        if (!TryDate(query("from"), out var from) || !TryDate(query("to"), out var to))
        {
            error = "from and to are dates (yyyy-MM-dd)";
            return null;
        }

        var modality = Empty(query("modality"))?.ToUpperInvariant();
        if (modality is { Length: > 16 })
        {
            error = "modality is a DICOM code string of at most 16 characters";
            return null;
        }

        if (!QueryPaging.TryParse(query, MaxTake, out var skip, out var take, out error))
        {
            return null;
        }

        return new WorklistFilter(priority, from, to, modality, status, skip, take);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
