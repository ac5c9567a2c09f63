using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;
using XrayTriage.Persistence;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>A migrated database of its own, a temporary spool folder, and real hosts (Persistence + Inference +
/// Triage registered as <c>serve</c> will) running the worker against them.</summary>
internal sealed class TriageTestBed : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];
    private int _sop;

    private TriageTestBed(string connectionString, string modelsFolder)
    {
        ConnectionString = connectionString;
        ModelsFolder = modelsFolder;
        var options = new DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        Store = new TriageWorkStore(new PooledDbContextFactory<TriageDbContext>(options.Options));
        Directory.CreateDirectory(Spool);
    }

    public static string ChestSamples => Path.Combine(RepositoryPaths.DicomSamples, "chest");

    /// <summary>The smallest chest sample (440×440 CR, implicit VR, no file meta): quick to decode for volume tests.</summary>
    public static string SmallChest => Path.Combine(ChestSamples, "cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");

    public string ConnectionString { get; }

    public string ModelsFolder { get; }

    public TriageWorkStore Store { get; }

    public string Spool { get; } = Path.Combine(Path.GetTempPath(), "xraytriage-spool-" + Guid.NewGuid().ToString("N")[..8]);

    public static async Task<TriageTestBed> CreateAsync(PostgresFixture postgres, SmokeEnsembleFixture ensemble)
    {
        var migrated = await postgres.CreateMigratedDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(migrated) { Pooling = true, MaxPoolSize = 20 }.ConnectionString;
        return new TriageTestBed(connectionString, ensemble.Folder);
    }

    /// <summary>A test bed whose hosts load the models from <paramref name="modelsFolder"/> (e.g. a copy with a content gate).</summary>
    public static async Task<TriageTestBed> CreateAsync(PostgresFixture postgres, string modelsFolder)
    {
        var migrated = await postgres.CreateMigratedDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(migrated) { Pooling = true, MaxPoolSize = 20 }.ConnectionString;
        return new TriageTestBed(connectionString, modelsFolder);
    }

    public static string StudyUid(int n) => $"1.2.826.0.1.3680043.10.543.7.1.{n}";

    /// <summary>Copies <paramref name="source"/> into the spool and records it as received, eligible. The recorded
    /// SHA-256 is the copy's unless <paramref name="recordedSha256"/> says otherwise.</summary>
    public async Task<long> ReceiveAsync(string source, int study = 1, string? recordedSha256 = null)
    {
        var sop = $"1.2.826.0.1.3680043.10.543.7.2.{Interlocked.Increment(ref _sop)}";
        var spoolPath = Path.Combine(Spool, sop + ".dcm");
        File.Copy(source, spoolPath);
        var bytes = await File.ReadAllBytesAsync(spoolPath);
        var result = await Store.RecordReceivedAsync(new ReceivedInstance(
            StudyUid(study), StudyUid(study) + ".1", sop, "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.1.2",
            "MODALITY1", TimeProvider.System.GetUtcNow(), spoolPath, bytes.Length,
            recordedSha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)), null,
            new StudyAttributes("DOE^JANE", "PID-7", "ACC-7", null, "CHEST", "CR", "CHEST")), CancellationToken.None);
        Assert.Equal(RecordReceivedOutcome.Recorded, result.Outcome);
        return result.InstanceId;
    }

    /// <summary>Starts a host with the triage stage as <c>serve</c> registers it; <paramref name="configure"/> adds services.</summary>
    public async Task<IHost> StartHostAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Triage"] = ConnectionString,
            ["Inference:ExecutionProvider"] = "cpu",
            ["Triage:PollInterval"] = "00:00:00.100",
            ["Triage:RetryBackoff"] = "00:00:00.050",
            ["Triage:SettleInterval"] = "00:00:00.100",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.AddPersistence();
        builder.AddInference(_ => ModelsFolder);
        builder.AddTriage();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    /// <summary>Polls the database until every instance is triaged or failed for good, or fails the test.</summary>
    public async Task WaitUntilSettledAsync(int expected, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var done = await ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state IN ('Triaged', 'Failed')");
            if (done >= expected)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(deadline) > timeout)
            {
                var states = string.Join(", ", await ColumnAsync(
                    "SELECT id || ' ' || state || ' ' || attempts || ' ' || coalesce(last_error, '') " +
                    "FROM triage.instances ORDER BY id"));
                Assert.Fail($"Only {done} of {expected} instances finished within {timeout}: {states}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The ensemble's own answer for a file, preprocessed as the worker does, from the host's engine.</summary>
    public static EnsemblePrediction Reference(IHost host, string path)
    {
        var engine = host.Services.GetRequiredService<EnsembleEngine>();
        var inputs = new ModelInputs(engine);
        var image = Imaging.MonochromeImage.Render(Dicom.DicomFile.Open(path), inputs.RenderOptions);
        return engine.Predict(inputs.Build(image));
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<string>> ColumnAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var rows = await RowsAsync(sql, parameters);
        return [.. rows.Select(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!)];
    }

    public async Task<List<object?[]>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (Directory.Exists(Spool))
        {
            Directory.Delete(Spool, recursive: true);
        }
    }
}
