using System.Globalization;
using System.Text;

namespace XrayTriage.Web.Data;

/// <summary>RFC 4180 CSV of audit rows. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
internal static class AuditCsv
{
    public const string Header = "id,occurred_at,event_id,event_type,outcome,actor,subject,detail,node";

    public static string Line(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join(',',
            row.Id.ToString(CultureInfo.InvariantCulture),
            row.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            Cell(row.Event), Cell(row.EventType), Cell(row.Outcome), Cell(row.Actor), Cell(row.Subject ?? ""), Cell(row.Detail),
            Cell(row.Node));
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
