using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class DeliveryListTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ListAndCount_MixedDeliveries_FilteredNewestFirstAndCountedPerDestinationAndState()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var one = await SettleOneAsync(db, 1, 1, T0);
        var two = await SettleOneAsync(db, 2, 2, T0);
        var now = T0 + TimeSpan.FromMinutes(1);
        await db.Outbox.FanOutAsync(Destinations, now, CancellationToken.None);
        var claim = (await db.Outbox.ClaimNextAsync("pacs-a", "s", Lease, now, CancellationToken.None))!;
        await db.Outbox.MarkDeliveredAsync(claim.DeliveryId, "s", now, CancellationToken.None);

        var all = await db.Outbox.ListAsync(null, null, null, 100, CancellationToken.None);
        var pendingA = await db.Outbox.ListAsync(DeliveryState.Pending, "pacs-a", null, 100, CancellationToken.None);
        var studyTwo = await db.Outbox.ListAsync(null, null, two.StudyId, 100, CancellationToken.None);
        var top = await db.Outbox.ListAsync(null, null, null, 1, CancellationToken.None);
        var counts = await db.Outbox.CountByStateAsync(CancellationToken.None);

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Select(r => r.DeliveryId).OrderDescending(), all.Select(r => r.DeliveryId));
        var delivered = Assert.Single(all, r => r.State == DeliveryState.Delivered);
        Assert.Equal(one.ReportId, delivered.ReportId);
        Assert.Equal(one.StudyId, delivered.StudyId);
        Assert.Equal(1, delivered.Version);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(now, delivered.DeliveredAt);
        Assert.Equal(two.ReportId, Assert.Single(pendingA).ReportId);
        Assert.Equal(2, studyTwo.Count);
        Assert.All(studyTwo, r => Assert.Equal(two.StudyId, r.StudyId));
        Assert.Equal(all[0].DeliveryId, Assert.Single(top).DeliveryId);
        Assert.Equal(
            [
                new DeliveryCount("pacs-a", DeliveryState.Pending, 1),
                new DeliveryCount("pacs-a", DeliveryState.Delivered, 1),
                new DeliveryCount("pacs-b", DeliveryState.Pending, 2),
            ],
            counts.OrderBy(c => c.Destination, StringComparer.Ordinal).ThenBy(c => c.State));
    }
}
