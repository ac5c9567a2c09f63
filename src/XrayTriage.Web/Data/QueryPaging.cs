using System.Globalization;

namespace XrayTriage.Web.Data;

/// <summary>The <c>skip</c> and <c>take</c> of a list page (the worklist, the audit log), read from the query string:
/// absent is 0 and 50; otherwise skip ≥ 0 and take 1–max, anything else is an error.</summary>
internal static class QueryPaging
{
    public const int DefaultTake = 50;

    public static bool TryParse(Func<string, string?> query, int maxTake, out int skip, out int take, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        take = 0;
        var valid = TryInt(query("skip"), 0, out skip) && skip >= 0
            && TryInt(query("take"), DefaultTake, out take) && take >= 1 && take <= maxTake;
        error = valid ? null : $"skip is ≥ 0 and take is 1–{maxTake}";
        return valid;
    }

    private static bool TryInt(string? value, int fallback, out int result)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }
}
