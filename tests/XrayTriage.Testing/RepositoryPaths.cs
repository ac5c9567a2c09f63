namespace XrayTriage.Testing;

/// <summary>Locates the repository root and the read-only shared material beside it (<c>../shared</c>).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding XrayTriage.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary><c>../shared</c> next to the repository, or <c>XRAYTRIAGE_SHARED</c> when set.</summary>
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("XRAYTRIAGE_SHARED");
            var path = string.IsNullOrEmpty(fromEnvironment)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
                : fromEnvironment;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared test material was not found at {path}. Tests read ../shared beside the repository " +
                    "(or set XRAYTRIAGE_SHARED).");
            }

            return path;
        }
    }

    public static string DicomSamples => Path.Combine(Shared, "dicom-samples");

    public static string CxrData => Path.Combine(Shared, "data", "cxr");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XrayTriage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"XrayTriage.sln not found above {AppContext.BaseDirectory}.");
    }
}
