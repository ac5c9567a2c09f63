using System.Globalization;
using XrayTriage.Core.Auditing;

namespace XrayTriage.Web.Data;

/// <summary>Audit search: time range (UTC), event id, actor and subject text (substring, case-insensitive), paging.</summary>
internal sealed record AuditFilter(
    DateTimeOffset? From, DateTimeOffset? To, AuditEventId? Event, string? Actor, string? Subject, int Skip, int Take)
{
    public const int MaxTake = 500;

    /// <summary>Every row of a CSV export, at most.</summary>
    public const int MaxExport = 100_000;

    public static AuditFilter? Parse(Func<string, string?> query, out string? error)
    {
        error = null;
        if (!TryTime(query("from"), out var from) || !TryTime(query("to"), out var to))
        {
            error = "from and to are times (yyyy-MM-ddTHH:mm, UTC, or ISO 8601 with an offset)";
            return null;
        }

        AuditEventId? eventId = null;
        var eventText = query("event");
        if (!string.IsNullOrWhiteSpace(eventText))
        {
            if (!Enum.TryParse<AuditEventId>(eventText.Trim(), ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                error = $"event must be one of {string.Join(", ", Enum.GetNames<AuditEventId>())}";
                return null;
            }

            eventId = parsed;
        }

        if (!QueryPaging.TryParse(query, MaxTake, out var skip, out var take, out error))
        {
            return null;
        }

        var actor = Text(query("actor"));
        var subject = Text(query("subject"));
        if (actor is { Length: > 256 } || subject is { Length: > 256 })
        {
            error = "actor and subject are at most 256 characters";
            return null;
        }

        return new AuditFilter(from, to, eventId, actor, subject, skip, take);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(
            value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
