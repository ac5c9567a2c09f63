using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Persistence;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Delivery;

/// <summary>A migrated database holding settled studies made from real chest radiographs (spooled copies of
/// <c>../shared/dicom-samples</c> files, triaged with a fixed outcome), and a host running the real reporting stage
/// against it with the destinations a test names.</summary>
internal sealed class DeliveryTestBed : IAsyncDisposable
{
    public static readonly string[] ChestSamples =
    [
        "cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm",
        "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm",
    ];

    private readonly string _spool;
    private IHost? _host;

    private DeliveryTestBed(string connectionString, string spool)
    {
        ConnectionString = connectionString;
        _spool = spool;
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<TriageDbContext>();
        TriageDbContext.Configure(options, connectionString);
        var factory = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<TriageDbContext>(options.Options);
        Store = new TriageWorkStore(factory);
        Outbox = new ReportOutboxStore(factory);
    }

    public string ConnectionString { get; }

    public TriageWorkStore Store { get; }

    public ReportOutboxStore Outbox { get; }

    public static async Task<DeliveryTestBed> CreateAsync(PostgresFixture postgres)
        => new(await postgres.CreateMigratedDatabaseAsync(), Directory.CreateTempSubdirectory("xraytriage-reporting-spool-").FullName);

    /// <summary>Spools, records, triages (urgent, COVID-19 flagged) and settles a one-image study from a sample file;
    /// returns its report id.</summary>
    public async Task<long> SettledStudyAsync(string sample)
    {
        await TriagedImageAsync(DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, "chest", sample)));
        return await SettleAsync();
    }

    /// <summary>As <see cref="SettledStudyAsync"/> for a copy of the sample with new study, series and instance UIDs.</summary>
    public async Task<long> NewStudyAsync(string sample)
    {
        var file = DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, "chest", sample));
        foreach (var tag in new[] { DicomTags.StudyInstanceUID, DicomTags.SeriesInstanceUID, DicomTags.SOPInstanceUID })
        {
            file.Dataset.AddOrUpdate(tag, DicomUid.Generate().Value);
        }

        await TriagedImageAsync(new DicomFile(file.Dataset, file.TransferSyntax));
        return await SettleAsync();
    }

    /// <summary>A late image of the same study as <paramref name="sample"/> (a copy with a new SOP Instance UID),
    /// triaged and settled: the study's next report version. Returns its report id.</summary>
    public async Task<long> LateImageAsync(string sample)
    {
        var file = DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, "chest", sample));
        file.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomUid.Generate().Value);
        await TriagedImageAsync(new DicomFile(file.Dataset, file.TransferSyntax));
        return await SettleAsync();
    }

    private async Task TriagedImageAsync(DicomFile file)
    {
        var spoolPath = Path.Combine(_spool, Guid.NewGuid().ToString("N") + ".dcm");
        file.Save(spoolPath);
        var dataset = file.Dataset;
        var now = TimeProvider.System.GetUtcNow();
        var bytes = await File.ReadAllBytesAsync(spoolPath);
        var received = await Store.RecordReceivedAsync(new ReceivedInstance(
            dataset.GetString(DicomTags.StudyInstanceUID),
            dataset.GetString(DicomTags.SeriesInstanceUID),
            dataset.GetString(DicomTags.SOPInstanceUID),
            dataset.GetString(DicomTags.SOPClassUID), "1.2.840.10008.1.2.1", "MODALITY", now, spoolPath, bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), null, StudyAttributes.None), CancellationToken.None);
        var claimed = await Store.ClaimAsync("test-worker", 1, TimeSpan.FromMinutes(5), now, CancellationToken.None);
        Assert.Equal(received.InstanceId, Assert.Single(claimed).InstanceId);
        await Store.CompleteAsync(received.InstanceId, Outcome(), now, CancellationToken.None);
    }

    private async Task<long> SettleAsync()
    {
        var settled = await Store.SettleAsync(TimeSpan.Zero, TimeProvider.System.GetUtcNow().AddSeconds(1), CancellationToken.None);
        return Assert.Single(settled).ReportId;
    }

    /// <summary>Starts the reporting stage (dispatcher and retention sweep) with these destinations and settings.</summary>
    public async Task StartAsync(IEnumerable<(string Name, int Port)> destinations, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Triage"] = ConnectionString,
            ["Reporting:PollInterval"] = "00:00:00.100",
            ["Reporting:AttemptTimeout"] = "00:00:10",
            ["Reporting:ImmediateRetryDelay"] = "00:00:00.050",
            ["Reporting:RetryDelay"] = "00:00:00.200",
            ["Reporting:MaxRetryDelay"] = "00:00:00.500",
            ["Reporting:BreakDuration"] = "00:00:01",
            ["Reporting:SpoolRetention"] = "00:00:00",
        };
        var index = 0;
        foreach (var (name, port) in destinations)
        {
            configuration[$"Pacs:Destinations:{index}:Name"] = name;
            configuration[$"Pacs:Destinations:{index}:AeTitle"] = RecordingScp.AeTitle;
            configuration[$"Pacs:Destinations:{index}:Host"] = "127.0.0.1";
            configuration[$"Pacs:Destinations:{index}:Port"] = port.ToString(CultureInfo.InvariantCulture);
            index++;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddPersistence().AddReporting();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public T Service<T>() where T : notnull
        => (_host ?? throw new InvalidOperationException("Not started.")).Services.GetRequiredService<T>();

    public async Task<string> DeliveryStateAsync(long reportId, string destination)
        => await ScalarAsync<string>(
            "SELECT state FROM triage.report_deliveries d WHERE d.report_id = @r AND d.destination = @d", reportId, destination);

    public async Task<T> ScalarAsync<T>(string sql, long reportId, string? destination = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("r", reportId);
        command.Parameters.AddWithValue("d", (object?)destination ?? DBNull.Value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (bounded), failing with <paramref name="describe"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<Task<string>> describe, double seconds = 30)
    {
        var limit = TimeSpan.FromSeconds(seconds);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Not reached within {limit}: {await describe()}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        Directory.Delete(_spool, recursive: true);
    }

    private static InferenceOutcome Outcome()
    {
        var heat = new byte[32 * 32];
        for (var y = 8; y < 24; y++)
        {
            for (var x = 4; x < 14; x++)
            {
                heat[(y * 32) + x] = 255;
            }
        }

        return new InferenceOutcome(
            "xraytriage-cxr", "2026.11.0", "2.25.1234567890123456789", "cpu", 120, TriagePriority.Urgent, ["covid19"],
            new Dictionary<string, double> { ["covid19"] = 0.095, ["viral_pneumonia"] = 0.257, ["lung_opacity"] = 0.308 },
            [
                new(FindingProbability.EnsembleModel, "normal", 0.05),
                new(FindingProbability.EnsembleModel, "covid19", 0.81),
                new(FindingProbability.EnsembleModel, "viral_pneumonia", 0.1),
                new(FindingProbability.EnsembleModel, "lung_opacity", 0.04),
                new("resnet18-224", "covid19", 0.79),
            ])
        { Heatmap = new InferenceHeatmap(32, 32, heat) };
    }
}
