using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using XrayTriage.Reporting.Delivery;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Delivery;

/// <summary>The retention sweep deletes a spool file only after its study's report reached every destination, and
/// records it; the findings stay.</summary>
[Collection(ReportingPostgres.Name)]
public sealed class SpoolRetentionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Sweep_ReportDeliveredAndRetentionPassed_DeletesTheFileAndRecordsIt()
    {
        await using var pacs = RecordingScp.Start();
        await using var bed = await DeliveryTestBed.CreateAsync(postgres);
        var report = await bed.SettledStudyAsync(DeliveryTestBed.ChestSamples[1]);
        var spoolPath = (await bed.Outbox.GetContentAsync(report, CancellationToken.None))!.Images[0].SpoolPath;
        var settings = new ReportingOptions { SpoolRetention = TimeSpan.FromMilliseconds(1) };
        var sweeper = new SpoolRetentionWorker(
            bed.Outbox, Options.Create(settings), TimeProvider.System, NullLogger<SpoolRetentionWorker>.Instance);

        var beforeDelivery = await sweeper.SweepAsync(settings, CancellationToken.None);
        await bed.StartAsync([("pacs", pacs.Port)]);
        await DeliveryTestBed.UntilAsync(async () => await bed.DeliveryStateAsync(report, "pacs") == "Delivered",
            async () => $"state {await bed.DeliveryStateAsync(report, "pacs")}");
        var afterDelivery = await sweeper.SweepAsync(settings, CancellationToken.None);

        Assert.Equal(0, beforeDelivery);
        Assert.Equal(1, afterDelivery);
        Assert.False(File.Exists(spoolPath));
        Assert.True((await bed.Outbox.GetContentAsync(report, CancellationToken.None))!.Images[0].SpoolPurged);
        Assert.Equal(4L, await bed.ScalarAsync<long>(
            "SELECT count(*) FROM triage.findings f JOIN triage.inference_runs r ON r.id = f.inference_run_id " +
            "WHERE f.model = 'ensemble' AND @r > 0",
            report));
    }
}
