using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class FanOutTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FanOut_NewReport_OnePendingDeliveryPerDestinationDueNow()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var settled = await SettleOneAsync(db, 1, 1, T0);
        var now = T0 + TimeSpan.FromMinutes(1);

        var fanned = await db.Outbox.FanOutAsync(Destinations, now, CancellationToken.None);

        Assert.Equal(1, fanned);
        var rows = await db.Outbox.ListAsync(null, null, settled.StudyId, 10, CancellationToken.None);
        Assert.Equal(Destinations.Order(), rows.Select(r => r.Destination).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(DeliveryState.Pending, r.State);
            Assert.Equal(settled.ReportId, r.ReportId);
            Assert.Equal(now, r.NextAttemptAt);
            Assert.Equal(0, r.Attempts);
        });
        Assert.Equal(now, await db.ScalarAsync<DateTimeOffset>(
            "SELECT fanned_out_at FROM triage.reports WHERE id = @id", ("id", settled.ReportId)));
    }

    [Fact]
    public async Task FanOut_RunTwice_WritesNothingTheSecondTime()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);

        var first = await db.Outbox.FanOutAsync(Destinations, T0 + Quiet, CancellationToken.None);
        var second = await db.Outbox.FanOutAsync(Destinations, T0 + Quiet, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.report_deliveries"));
    }

    [Fact]
    public async Task FanOut_NoDestination_MarksReportsFannedOutToNobody()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);

        var fanned = await db.Outbox.FanOutAsync([], T0 + Quiet, CancellationToken.None);
        var later = await db.Outbox.FanOutAsync(Destinations, T0 + Quiet, CancellationToken.None);

        Assert.Equal(1, fanned);
        Assert.Equal(0, later);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.reports WHERE fanned_out_at IS NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.report_deliveries"));
    }

    [Fact]
    public async Task FanOut_TwoProcessesAtOnce_EachReportFannedOutOnce()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        for (var study = 1; study <= 30; study++)
        {
            await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(study), T0, skipReason: "lateral"), CancellationToken.None);
        }

        await db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None);

        var counts = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => db.Outbox.FanOutAsync(Destinations, T0 + Quiet, CancellationToken.None))));

        Assert.Equal(30, counts.Sum());
        Assert.Equal(60L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.report_deliveries"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.reports WHERE fanned_out_at IS NULL"));
    }

    [Fact]
    public async Task FanOut_NewerVersion_SupersedesUndeliveredOlderDeliveriesOnly()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var v1 = await SettleOneAsync(db, 1, 1, T0);
        var t1 = T0 + Quiet;
        await db.Outbox.FanOutAsync(["delivered", "failed", "pending", "sending-live", "sending-expired"], t1, CancellationToken.None);
        await ClaimAndAsync(db, "delivered", t1, id => db.Outbox.MarkDeliveredAsync(id, "s", t1, CancellationToken.None));
        await ClaimAndAsync(db, "failed", t1, id => db.Outbox.MarkFailedAsync(id, "s", "rejected", t1, CancellationToken.None));
        var later = T0 + TimeSpan.FromMinutes(30);
        Assert.NotNull(await db.Outbox.ClaimNextAsync("sending-live", "s", TimeSpan.FromHours(1), later - Quiet, CancellationToken.None));
        Assert.NotNull(await db.Outbox.ClaimNextAsync("sending-expired", "s", TimeSpan.FromSeconds(1), t1, CancellationToken.None));

        var v2 = await SettleOneAsync(db, 1, 2, later - Quiet - Quiet);
        await db.Outbox.FanOutAsync(["delivered", "failed", "pending", "sending-live", "sending-expired"], later, CancellationToken.None);

        var old = (await db.Outbox.ListAsync(null, null, v1.StudyId, 20, CancellationToken.None)).Where(r => r.Version == 1)
            .ToDictionary(r => r.Destination, r => r.State);
        Assert.Equal(DeliveryState.Delivered, old["delivered"]);
        Assert.Equal(DeliveryState.Superseded, old["failed"]);
        Assert.Equal(DeliveryState.Superseded, old["pending"]);
        Assert.Equal(DeliveryState.Sending, old["sending-live"]);
        Assert.Equal(DeliveryState.Superseded, old["sending-expired"]);
        var fresh = (await db.Outbox.ListAsync(null, null, v1.StudyId, 20, CancellationToken.None)).Where(r => r.Version == 2).ToList();
        Assert.Equal(5, fresh.Count);
        Assert.All(fresh, r => Assert.Equal(DeliveryState.Pending, r.State));
        Assert.All(fresh, r => Assert.Equal(v2.ReportId, r.ReportId));
    }

    [Fact]
    public async Task FanOut_OlderAndNewerVersionWaitingTogether_OlderIsBornSuperseded()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var v1 = await SettleOneAsync(db, 1, 1, T0);
        var v2 = await SettleOneAsync(db, 1, 2, T0 + TimeSpan.FromMinutes(5));

        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(10), CancellationToken.None);

        var rows = await db.Outbox.ListAsync(null, null, v1.StudyId, 20, CancellationToken.None);
        Assert.All(rows.Where(r => r.ReportId == v1.ReportId), r => Assert.Equal(DeliveryState.Superseded, r.State));
        Assert.All(rows.Where(r => r.ReportId == v2.ReportId), r => Assert.Equal(DeliveryState.Pending, r.State));
        Assert.Equal(4, rows.Count);
    }

    private static async Task ClaimAndAsync(TestDatabase db, string destination, DateTimeOffset now, Func<long, Task<bool>> outcome)
    {
        var claim = await db.Outbox.ClaimNextAsync(destination, "s", Lease, now, CancellationToken.None);
        Assert.NotNull(claim);
        Assert.True(await outcome(claim.DeliveryId));
    }
}
