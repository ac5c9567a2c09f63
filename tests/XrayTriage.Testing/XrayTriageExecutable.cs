namespace XrayTriage.Testing;

/// <summary>Runs the built <c>xraytriage</c> executable (src/XrayTriage.Host) as a child process, the way an
/// operator or a service manager does.</summary>
public static class XrayTriageExecutable
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string DllPath => Dll.Value;

    /// <summary>Runs a verb to completion.</summary>
    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
        => ProcessRunner.RunAsync("dotnet", [DllPath, .. arguments], timeout, RepositoryPaths.RepositoryRoot, Isolate(environment));

    /// <summary>Starts a long-running verb (<c>serve</c>); the caller stops it.</summary>
    public static ChildProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
        => ProcessRunner.Start("dotnet", [DllPath, .. arguments], RepositoryPaths.RepositoryRoot, Isolate(environment));

    /// <summary>The shipped models folder (tests pass it explicitly rather than rely on the checkout rule).</summary>
    public static string ModelsPath => Path.Combine(RepositoryPaths.RepositoryRoot, "models");

    private static Dictionary<string, string?> Isolate(IReadOnlyDictionary<string, string?>? environment)
    {
        // A developer's own settings must not leak into a test run.
        var result = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Triage"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["Urls"] = null,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            result[key] = value;
        }

        return result;
    }

    private static string Locate()
    {
        // Same configuration (Debug/Release) as the test assembly that asks.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var path = Path.Combine(
            RepositoryPaths.RepositoryRoot, "src", "XrayTriage.Host", "bin", configuration, "net10.0", "xraytriage.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"xraytriage is not built at {path}; build XrayTriage.sln -c {configuration} first.");
    }
}
