using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Persistence;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>
/// The ingest stage as <c>serve</c> will compose it: a generic host with AddPersistence + AddIngest, its own migrated
/// database, a free port on 127.0.0.1 and a spool in a temporary folder. DCMTK is the modality.
/// </summary>
internal sealed class IngestHost : IAsyncDisposable
{
    public const string AeTitle = "XRAYTRIAGE";
    public const string CallingAeTitle = "MODALITY1";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);
    private readonly IHost _host;

    private IngestHost(IHost host, string connectionString, string root, int port)
    {
        _host = host;
        ConnectionString = connectionString;
        Root = root;
        Port = port;
    }

    public string ConnectionString { get; }

    public string Root { get; }

    public string SpoolPath => Path.Combine(Root, "spool");

    public int Port { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<IngestHost> StartAsync(
        PostgresFixture postgres,
        IDictionary<string, string?>? settings = null,
        string? connectionString = null,
        EligibilityOptions? eligibility = null,
        Action<IServiceCollection>? services = null,
        Action<string>? beforeStart = null)
    {
        var database = connectionString ?? await postgres.CreateMigratedDatabaseAsync();
        var root = Directory.CreateTempSubdirectory("xraytriage-ingest-").FullName;
        var port = FreePort.Next();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Triage"] = database,
            ["Dicom:AeTitle"] = AeTitle,
            ["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Dicom:SpoolPath"] = "spool",
            ["Dicom:MinFreeDiskBytes"] = "1048576",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        if (eligibility is not null)
        {
            builder.Services.AddSingleton(eligibility);
        }

        services?.Invoke(builder.Services);
        builder.AddPersistence();
        builder.AddIngest();
        beforeStart?.Invoke(Path.Combine(root, "spool"));
        var host = builder.Build();
        await host.StartAsync();
        return new IngestHost(host, database, root, port);
    }

    public Task<ProcessResult> StorescuAsync(params string[] files)
        => PeerTools.RunAsync(
            "storescu",
            ["-v", "-aet", CallingAeTitle, "-aec", AeTitle, "127.0.0.1", Port.ToString(CultureInfo.InvariantCulture), .. files],
            ToolTimeout);

    public Task<ProcessResult> DcmsendAsync(params string[] files)
        => PeerTools.RunAsync(
            "dcmsend",
            [
                "-v", "-aet", CallingAeTitle, "-aec", AeTitle, "--decompress-never", "+f", "127.0.0.1",
                Port.ToString(CultureInfo.InvariantCulture), .. files,
            ],
            ToolTimeout);

    /// <summary>Every complete spool file (temporary ones in <c>.incoming</c> excluded).</summary>
    public string[] SpoolFiles()
        => Directory.Exists(SpoolPath)
            ? Directory.EnumerateFiles(SpoolPath, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(
                    Path.DirectorySeparatorChar + InstanceSpool.IncomingFolderName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToArray()
            : [];

    public string[] IncomingFiles()
    {
        var incoming = Path.Combine(SpoolPath, InstanceSpool.IncomingFolderName);
        return Directory.Exists(incoming) ? Directory.GetFiles(incoming) : [];
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task<long> CountAsync(string sql) => (long)(await QueryAsync(sql))[0].Values.Single()!;

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(stop.Token);
        _host.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
