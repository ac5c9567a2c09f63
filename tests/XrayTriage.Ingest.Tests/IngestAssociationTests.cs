using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>The spool-disk association gate, the per-C-STORE A700 when the disk fills during an association, and one
/// audit row per association (Security Alert / Node Authentication), with DCMTK and real PostgreSQL.</summary>
[Collection(SharedPostgres.Name)]
public sealed class IngestAssociationTests(PostgresFixture postgres)
{
    private static readonly TimeSpan AuditWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Storescu_WatermarkAboveFreeSpace_AssociationRejectedTransientThenAcceptedWhenSetBack()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);
        var capacity = ingest.Services.GetRequiredService<SpoolCapacity>();
        var watermark = capacity.MinFreeDiskBytes;

        capacity.MinFreeDiskBytes = long.MaxValue;
        var refused = await ingest.StorescuAsync(Samples.Extremity);
        var echo = await EchoscuAsync(ingest);
        var notReady = ingest.Services.GetRequiredService<SpoolReadiness>().Check();
        capacity.MinFreeDiskBytes = watermark;
        var stored = await ingest.StorescuAsync(Samples.Extremity);

        Assert.False(refused.Succeeded);
        var output = refused.StandardOutput + refused.StandardError;
        Assert.Contains("Rejected Transient", output, StringComparison.Ordinal);
        Assert.Contains("Temporary Congestion", output, StringComparison.Ordinal);
        Assert.False(echo.Succeeded);
        Assert.Contains("Temporary Congestion", echo.StandardOutput + echo.StandardError, StringComparison.Ordinal);
        Assert.False(notReady.IsReady);
        Assert.Contains("new associations are rejected", notReady.Description, StringComparison.Ordinal);
        stored.EnsureSuccess("storescu after the watermark was set back");
        Assert.Equal(1, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
        Assert.Single(ingest.SpoolFiles());

        await WaitForCountAsync(ingest, 2,
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'SecurityAlert' AND event_type = 'NodeAuthentication' " +
            "AND outcome = 'MinorFailure' AND actor = 'MODALITY1' AND subject = 'XRAYTRIAGE' " +
            "AND detail LIKE 'association rejected from 127.0.0.1:%below the watermark%TemporaryCongestion%'");
        await WaitForCountAsync(ingest, 1,
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'SecurityAlert' AND event_type = 'NodeAuthentication' " +
            "AND outcome = 'Success' AND actor = 'MODALITY1' AND subject = 'XRAYTRIAGE' " +
            "AND detail LIKE 'association accepted from 127.0.0.1:%'");
    }

    [Fact]
    public async Task StoreAsync_DiskFillsDuringAssociation_RefusedA700NothingRecorded()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);
        var capacity = ingest.Services.GetRequiredService<SpoolCapacity>();
        var file = DicomFile.Open(Samples.Extremity);
        await using var scu = await DicomScu.ConnectAsync(
            new DicomScuOptions
            {
                Host = "127.0.0.1", Port = ingest.Port, CallingAeTitle = IngestHost.CallingAeTitle, CalledAeTitle = IngestHost.AeTitle,
            },
            DicomScu.ProposeContexts([file]), null, CancellationToken.None);

        capacity.MinFreeDiskBytes = long.MaxValue;
        var response = await scu.StoreAsync(file, CancellationToken.None);
        await scu.ReleaseAsync(CancellationToken.None);

        Assert.Equal(DimseStatus.OutOfResources.Code, response.Status.Code);
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
        Assert.Empty(ingest.SpoolFiles());
        Assert.Equal(1, await ingest.CountAsync(
            "SELECT count(*) FROM triage.audit_events WHERE outcome = 'SeriousFailure' " +
            "AND detail LIKE 'refused 0xA700%below the watermark%'"));
        Assert.False(ingest.Services.GetRequiredService<SpoolReadiness>().Check().IsReady);
    }

    [Fact]
    public async Task Echoscu_CallingAeNotAllowed_RejectionAuditedWithReason()
    {
        await using var ingest = await IngestHost.StartAsync(
            postgres, new Dictionary<string, string?> { ["Dicom:AllowedCallingAeTitles:0"] = "OTHERCR" });

        var echo = await EchoscuAsync(ingest);

        Assert.False(echo.Succeeded);
        await WaitForCountAsync(ingest, 1,
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'SecurityAlert' AND outcome = 'MinorFailure' " +
            "AND actor = 'MODALITY1' AND detail LIKE '%calling AE title ''MODALITY1'' is not allowed%CallingAeTitleNotRecognized%'");
    }

    [Fact]
    public async Task Echoscu_DatabaseUnreachable_AssociationStillServed()
    {
        var closed = $"Host=127.0.0.1;Port={FreePort.Next()};Database=xraytriage;Username=xraytriage;Timeout=2";
        await using var ingest = await IngestHost.StartAsync(postgres, connectionString: closed);

        var first = await EchoscuAsync(ingest);
        var second = await EchoscuAsync(ingest);

        first.EnsureSuccess("echoscu while the audit database is unreachable");
        second.EnsureSuccess("a second echoscu while the audit database is unreachable");
    }

    private static Task<ProcessResult> EchoscuAsync(IngestHost ingest) => PeerTools.RunAsync("echoscu",
        ["-aet", IngestHost.CallingAeTitle, "-aec", IngestHost.AeTitle, "127.0.0.1", ingest.Port.ToString(CultureInfo.InvariantCulture)],
        TimeSpan.FromSeconds(30));

    /// <summary>Association rows are written off the association's path; wait (bounded) for them.</summary>
    private static async Task WaitForCountAsync(IngestHost ingest, long expected, string sql)
    {
        var started = TimeProvider.System.GetTimestamp();
        long count;
        while ((count = await ingest.CountAsync(sql)) != expected && TimeProvider.System.GetElapsedTime(started) < AuditWait)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, count);
    }
}
