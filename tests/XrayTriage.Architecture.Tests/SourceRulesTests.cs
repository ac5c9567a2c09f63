using System.Text.RegularExpressions;
using XrayTriage.Testing;

namespace XrayTriage.Architecture.Tests;

/// <summary>Code conventions of STYLE.md §2–3 that the compiler does not check.</summary>
public sealed partial class SourceRulesTests
{
    private const int MaxLines = 450;

    private static IEnumerable<string> SourceFiles(params string[] folders) => folders
        .Select(f => Path.Combine(RepositoryPaths.RepositoryRoot, f))
        .Where(Directory.Exists)
        .SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
        .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal));

    // The .editorconfig sections marked generated_code: **/Generated/*.cs and migrations/**/Migrations/*.cs.
    private static bool IsGenerated(string path)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.RepositoryRoot, path);
        return relative.Contains("/Generated/", StringComparison.Ordinal)
            || (relative.StartsWith("migrations/", StringComparison.Ordinal)
                && relative.Contains("/Migrations/", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_NeverDisableNullable()
    {
        var offenders = SourceFiles("src", "migrations", "tests")
            .Where(f => File.ReadAllText(f).Contains("#nullable" + " disable", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [Fact]
    public void Sources_HaveNoRegions()
    {
        var offenders = SourceFiles("src", "tests").Where(f => RegionPattern().IsMatch(File.ReadAllText(f)));
        Assert.Empty(offenders);
    }

    [Fact]
    public void HandWrittenFiles_StayUnderTheSizeLimit()
    {
        var offenders = SourceFiles("src", "tests")
            .Where(f => !IsGenerated(f))
            .Select(f => (File: Path.GetRelativePath(RepositoryPaths.RepositoryRoot, f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > MaxLines)
            .Select(x => $"{x.File} ({x.Lines} lines)")
            .ToList();
        Assert.True(offenders.Count == 0, $"Split by concern (partial files): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Console_IsWrittenOnlyByTheCommandLineLayer()
    {
        var offenders = SourceFiles("src")
            .Where(f => !f.Contains("/XrayTriage.Host/Cli/", StringComparison.Ordinal))
            .Where(f => ConsoleWritePattern().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.RepositoryRoot, f));
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"^\s*#region\b", RegexOptions.Multiline)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"\bConsole\s*\.\s*(Write|WriteLine|Out|Error)\b")]
    private static partial Regex ConsoleWritePattern();
}
