using System.Globalization;
using System.Text;

namespace XrayTriage.Core;

/// <summary>Makes a value typed by someone else (a sign-in name, an identity provider's claim) safe for a log line or an
/// audit row: control characters and line/paragraph separators become visible escapes (<c>\n</c>, <c>\u001B</c>), so
/// the value cannot end the line and forge the next one, nor steer a terminal.</summary>
public static class LogText
{
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
