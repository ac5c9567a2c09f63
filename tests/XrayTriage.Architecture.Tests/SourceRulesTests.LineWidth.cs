using System.Globalization;
using XrayTriage.Testing;

namespace XrayTriage.Architecture.Tests;

/// <summary>Reading width (issue 21 item 8): hand-written C# lines stay within .editorconfig's max_line_length.</summary>
public sealed partial class SourceRulesTests
{
    // Every folder with hand-written C#: the whole tree is wrapped (issue 21 item 8).
    private static readonly string[] WrappedFolders = ["src", "tests", "migrations", "bench", "tools"];

    [Fact]
    public void HandWrittenLines_StayWithinTheEditorConfigLimit()
    {
        var limit = MaxLineLength();
        var missing = WrappedFolders.Where(f => !Directory.Exists(Path.Combine(RepositoryPaths.RepositoryRoot, f))).ToList();
        Assert.True(missing.Count == 0, $"Wrapped folders that do not exist (renamed?): {string.Join(", ", missing)}");

        var offenders = SourceFiles(WrappedFolders)
            .Where(f => !IsGenerated(f))
            .SelectMany(f => File.ReadLines(f)
                .Select((line, index) => (Line: index + 1, line.Length))
                .Where(x => x.Length > limit)
                .Select(x => $"{Path.GetRelativePath(RepositoryPaths.RepositoryRoot, f)}:{x.Line} ({x.Length})"))
            .ToList();
        Assert.True(
            offenders.Count == 0,
            $"{offenders.Count} lines over {limit} characters (.editorconfig max_line_length); wrap them:\n" +
            string.Join('\n', offenders));
    }

    /// <summary>The <c>max_line_length</c> of the <c>[*.cs]</c> section of the repository's .editorconfig.</summary>
    private static int MaxLineLength()
    {
        var section = string.Empty;
        foreach (var raw in File.ReadLines(Path.Combine(RepositoryPaths.RepositoryRoot, ".editorconfig")))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                section = line;
            }
            else if (section == "[*.cs]" && line.StartsWith("max_line_length", StringComparison.Ordinal))
            {
                return int.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException(".editorconfig has no max_line_length in its [*.cs] section.");
    }
}
