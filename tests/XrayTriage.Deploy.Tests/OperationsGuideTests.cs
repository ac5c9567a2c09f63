using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>docs/operations.md's configuration reference against the options classes: every bound key is documented with
/// its environment name and default, and every documented key exists.</summary>
public sealed class OperationsGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "operations.md"));

    [Fact]
    public void ConfigurationReference_Keys_EqualTheOptionsClasses()
    {
        var actual = ConfigurationKeys.All();
        var documented = Documented();

        var missing = actual.Where(s => !documented.ContainsKey(s.Key)).ToList();
        var unknown = documented.Keys.Where(k => actual.All(s => s.Key != k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0 && unknown.Count == 0,
            $"Not in docs/operations.md:\n{string.Join('\n', missing.Select(Row))}\n" +
            $"Documented but bound by no options class: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void ConfigurationReference_EnvironmentNamesAndDefaults_MatchTheCode()
    {
        var documented = Documented();
        var wrong = new List<string>();
        foreach (var setting in ConfigurationKeys.All().Where(s => documented.ContainsKey(s.Key)))
        {
            var (environment, defaultCell) = documented[setting.Key];
            if (environment != setting.EnvironmentName)
            {
                wrong.Add($"{setting.Key}: environment `{environment}`, expected `{setting.EnvironmentName}`");
            }

            var documentedDefault = FirstCode(defaultCell);
            if (documentedDefault != setting.Default)
            {
                wrong.Add($"{setting.Key}: default {documentedDefault ?? "—"}, the code has {setting.Default ?? "—"}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void ConfigurationKeys_Reflection_FindsEverySection()
    {
        // Guards the test itself: a reflection walk that found nothing would make the checks above vacuous.
        var sections = ConfigurationKeys.All().Select(s => s.Key.Split(':')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(
                ["ConnectionStrings", "Urls", "Dicom", "Triage", "Inference", "Models", "Reporting", "Pacs", "Web"],
                StringComparer.Ordinal),
            sections);
        Assert.Contains(ConfigurationKeys.All(), s => s.Key == "Pacs:Destinations:N:Tls:TrustedCaPath");
        Assert.Contains(ConfigurationKeys.All(), s => s.Key == "Dicom:Tls:HandshakeTimeout" && s.Default == "00:00:10");
    }

    private static Dictionary<string, (string Environment, string Default)> Documented()
        => MarkdownTables.Rows(Guide, "configuration")
            .ToDictionary(r => FirstCode(r[0])!, r => (FirstCode(r[1]) ?? "", r[2]), StringComparer.Ordinal);

    private static string? FirstCode(string cell)
    {
        var start = cell.IndexOf('`', StringComparison.Ordinal);
        var end = start < 0 ? -1 : cell.IndexOf('`', start + 1);
        return end < 0 ? null : cell[(start + 1)..end];
    }

    private static string Row(ConfigurationKeys.Setting s)
        => $"| `{s.Key}` | `{s.EnvironmentName}` | {(s.Default is null ? "—" : $"`{s.Default}`")} | |";
}
