using System.Xml.Linq;
using XrayTriage.Testing;

namespace XrayTriage.Architecture.Tests;

/// <summary>What a csproj says about its dependencies, read from the XML (no MSBuild evaluation needed).</summary>
internal sealed record ProjectFile(
    string Name, string Path, IReadOnlyList<string> ProjectReferences, IReadOnlyList<XElement> PackageReferences)
{
    public IEnumerable<string> Packages => PackageReferences.Select(p => (string)p.Attribute("Include")!);

    private static readonly string[] Folders = ["src", "tests", "migrations", "bench", "tools"];

    public static IReadOnlyList<ProjectFile> All { get; } = Load();

    public static IEnumerable<ProjectFile> Under(string folder)
        => All.Where(p => p.Path.StartsWith(
            System.IO.Path.Combine(RepositoryPaths.RepositoryRoot, folder) + "/", StringComparison.Ordinal));

    private static List<ProjectFile> Load()
    {
        var root = RepositoryPaths.RepositoryRoot;
        return Folders
            .Select(folder => System.IO.Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Select(Read)
            .ToList();
    }

    private static ProjectFile Read(string path)
    {
        var xml = XDocument.Load(path);
        var references = xml.Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetFileNameWithoutExtension((string)e.Attribute("Include")!))
            .ToList();
        return new ProjectFile(
            System.IO.Path.GetFileNameWithoutExtension(path), path, references, xml.Descendants("PackageReference").ToList());
    }
}
