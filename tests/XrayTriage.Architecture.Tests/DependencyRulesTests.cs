namespace XrayTriage.Architecture.Tests;

/// <summary>The dependency rules of STYLE.md §1, checked on the csproj files.</summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] Stages = ["XrayTriage.Ingest", "XrayTriage.Triage", "XrayTriage.Reporting", "XrayTriage.Web"];

    private static IEnumerable<ProjectFile> Sources => ProjectFile.Under("src");

    [Fact]
    public void Solution_HasTheFoundationProjects()
    {
        var names = ProjectFile.All.Select(p => p.Name).ToHashSet();
        Assert.Contains("XrayTriage.Host", names);
        Assert.Contains("XrayTriage.Core", names);
        Assert.Contains("XrayTriage.Persistence", names);
        Assert.Contains("XrayTriage.Migrations", names);
        Assert.Contains("XrayTriage.Testing", names);
    }

    [Fact]
    public void Toolkit_ReferencesNothingOfTheApplication()
    {
        var toolkit = Sources.Where(p => p.Name.StartsWith("XrayTriage.Dicom", StringComparison.Ordinal)).ToList();
        Assert.Contains(toolkit, p => p.Name == "XrayTriage.Dicom"); // a rule over no project would pass for nothing
        Assert.Contains(toolkit, p => p.Name == "XrayTriage.Dicom.Network");
        foreach (var project in toolkit)
        {
            var appReferences = project.ProjectReferences.Where(r => !r.StartsWith("XrayTriage.Dicom", StringComparison.Ordinal));
            Assert.True(!appReferences.Any(), $"{project.Name} references application projects: {string.Join(", ", appReferences)}");
        }
    }

    [Fact]
    public void DicomCore_UsesTheBaseClassLibraryOnly()
    {
        var dicom = Assert.Single(Sources, p => p.Name == "XrayTriage.Dicom");
        Assert.Empty(dicom.Packages);
        Assert.Empty(dicom.ProjectReferences);
    }

    [Fact]
    public void DicomNetwork_ReferencesOnlyDicom()
    {
        var network = Assert.Single(Sources, p => p.Name == "XrayTriage.Dicom.Network");
        Assert.All(network.ProjectReferences, r => Assert.Equal("XrayTriage.Dicom", r));
    }

    [Fact]
    public void Stages_NeverReferenceEachOther()
    {
        var stages = Sources.Where(p => Stages.Contains(p.Name)).ToList();
        Assert.Equal(Stages.Order(StringComparer.Ordinal), stages.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var stage in stages)
        {
            var others = stage.ProjectReferences.Where(r => Stages.Contains(r) && r != stage.Name).ToList();
            Assert.True(
                others.Count == 0,
                $"{stage.Name} references other stages: {string.Join(", ", others)}; " +
                "hand work on through Core records and the database.");
        }
    }

    [Fact]
    public void Core_HasNoPackagesAndReferencesNothing()
    {
        var core = Assert.Single(Sources, p => p.Name == "XrayTriage.Core");
        Assert.Empty(core.Packages);
        Assert.Empty(core.ProjectReferences);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore", new[] { "XrayTriage.Persistence", "XrayTriage.Migrations" })]
    [InlineData("Npgsql", new[] { "XrayTriage.Persistence", "XrayTriage.Migrations" })]
    [InlineData("Microsoft.ML.OnnxRuntime", new[] { "XrayTriage.Inference" })]
    [InlineData("Polly", new[] { "XrayTriage.Reporting", "XrayTriage.Host" })]
    public void Package_IsReferencedOnlyWhereItBelongs(string packagePrefix, string[] allowed)
    {
        var offenders = ProjectFile.Under("src").Concat(ProjectFile.Under("migrations"))
            .Where(p => !allowed.Contains(p.Name))
            .Where(p => p.Packages.Any(pkg => pkg.StartsWith(packagePrefix, StringComparison.Ordinal)))
            .Select(p => p.Name)
            .ToList();
        Assert.True(
            offenders.Count == 0,
            $"{packagePrefix}* is referenced by {string.Join(", ", offenders)}; allowed only in {string.Join(", ", allowed)}.");
    }

    [Fact]
    public void PackageReferences_TakeTheirVersionFromDirectoryPackagesProps()
    {
        var pinnedLocally = ProjectFile.All
            .SelectMany(p => p.PackageReferences
                .Where(r => r.Attribute("Version") is not null)
                .Select(r => $"{p.Name}: {r.Attribute("Include")?.Value}"))
            .ToList();
        Assert.True(pinnedLocally.Count == 0, "Versions belong in Directory.Packages.props: " + string.Join(", ", pinnedLocally));
    }

    [Fact]
    public void WebSdkProjects_DoNotReferenceHostingExplicitly()
    {
        var offenders = ProjectFile.All
            .Where(p => File.ReadAllText(p.Path).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal))
            .Where(p => p.Packages.Contains("Microsoft.Extensions.Hosting"))
            .Select(p => p.Name);
        Assert.Empty(offenders);
    }
}
