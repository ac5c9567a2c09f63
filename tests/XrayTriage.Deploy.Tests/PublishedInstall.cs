using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>
/// Publishes <c>xraytriage</c> once (Release, linux-x64, self-contained), starts a private PostgreSQL and runs
/// <c>deploy/linux/install.sh --prefix</c> into a temporary root with the database's connection string, so the
/// installer writes the env file and runs the published <c>xraytriage migrate</c>. <c>XRAYTRIAGE_PUBLISH_DIR</c>
/// names an existing publish output to skip the publish (a developer's rerun).
/// </summary>
public sealed class PublishedInstall : IAsyncLifetime
{
    private readonly List<string> _temporary = [];
    private PostgresServer? _postgres;

    public string PublishDirectory { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public ProcessResult Install { get; private set; } = new(-1, "", "");

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public static string Script(string name) => Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "linux", name);

    /// <summary>A path of the installed tree, e.g. <c>/opt/xraytriage</c> → <c>{Prefix}/opt/xraytriage</c>.</summary>
    public string Rooted(string absolute) => Prefix + absolute;

    public async Task InitializeAsync()
    {
        var preset = Environment.GetEnvironmentVariable("XRAYTRIAGE_PUBLISH_DIR");
        if (string.IsNullOrEmpty(preset))
        {
            PublishDirectory = NewTemporaryDirectory("xraytriage-publish-");
            var publish = await ProcessRunner.RunAsync("dotnet",
                ["publish", Path.Combine("src", "XrayTriage.Host"), "-c", "Release", "-r", "linux-x64", "--self-contained",
                 "-nologo", "-v", "quiet", "-o", PublishDirectory],
                TimeSpan.FromMinutes(8), RepositoryPaths.RepositoryRoot);
            publish.EnsureSuccess("dotnet publish -r linux-x64 --self-contained");
        }
        else
        {
            PublishDirectory = preset;
        }

        _postgres = await PostgresServer.StartAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Prefix = NewTemporaryDirectory("xraytriage-root-");
        Install = await RunInstallAsync(Prefix, ConnectionString);
    }

    public Task<ProcessResult> RunInstallAsync(string prefix, string? connectionString, params string[] extra)
        => ProcessRunner.RunAsync("bash", [Script("install.sh"), "--prefix", prefix, "--publish-dir", PublishDirectory, .. extra],
            TimeSpan.FromMinutes(3), RepositoryPaths.RepositoryRoot,
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });

    public string NewTemporaryDirectory(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        lock (_temporary)
        {
            _temporary.Add(path);
        }

        return path;
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        foreach (var path in _temporary)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is not a test failure.
            }
        }
    }
}
