using System.Text.RegularExpressions;

namespace XrayTriage.Deploy.Tests;

/// <summary>Reads the rows of a table in a Markdown document that follows a <c>&lt;!-- checked: NAME --&gt;</c> marker.</summary>
internal static partial class MarkdownTables
{
    public static IReadOnlyList<string[]> Rows(string markdown, string name)
    {
        var marker = $"<!-- checked: {name} -->";
        var start = markdown.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No table marked '{marker}' in the document.");
        }

        var rows = new List<string[]>();
        var inTable = false;
        foreach (var raw in markdown[(start + marker.Length)..].Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                if (inTable)
                {
                    break;
                }

                continue;
            }

            inTable = true;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
            {
                continue;
            }

            rows.Add(cells);
        }

        return rows.Skip(1).ToList(); // the header row
    }

    /// <summary>Every backticked UID in a cell, in order.</summary>
    public static IReadOnlyList<string> Uids(string cell) => [.. UidPattern().Matches(cell).Select(m => m.Groups[1].Value)];

    /// <summary>Every backticked configuration key (<c>Section:Key</c>) in a cell.</summary>
    public static IReadOnlyList<string> Keys(string cell) => [.. KeyPattern().Matches(cell).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"`([0-9]+(?:\.[0-9]+)+)`")]
    private static partial Regex UidPattern();

    [GeneratedRegex(@"`([A-Za-z]+(?::[A-Za-z0-9]+)*)`")]
    private static partial Regex KeyPattern();
}
