using System.Collections.Concurrent;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class DeliveryClaimTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = T0 + TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ClaimNext_PendingDelivery_SendingUnderLeaseWithFirstAttempt()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var settled = await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);

        var claim = await db.Outbox.ClaimNextAsync("pacs-a", "sender-1", Lease, Now, CancellationToken.None);
        var none = await db.Outbox.ClaimNextAsync("pacs-a", "sender-2", Lease, Now, CancellationToken.None);

        Assert.NotNull(claim);
        Assert.Equal(settled.ReportId, claim.ReportId);
        Assert.Equal("pacs-a", claim.Destination);
        Assert.Equal(1, claim.Attempt);
        Assert.Null(none);
        Assert.Equal("Sending", await db.ScalarAsync<string>(
            "SELECT state FROM triage.report_deliveries WHERE id = @id", ("id", claim.DeliveryId)));
        Assert.Equal("sender-1", await db.ScalarAsync<string>(
            "SELECT claimed_by FROM triage.report_deliveries WHERE id = @id", ("id", claim.DeliveryId)));
        Assert.Equal(Now + Lease, await db.ScalarAsync<DateTimeOffset>(
            "SELECT lease_until FROM triage.report_deliveries WHERE id = @id", ("id", claim.DeliveryId)));
    }

    [Fact]
    public async Task ClaimNext_OtherDestinationOrNotDue_Nothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);

        Assert.Null(await db.Outbox.ClaimNextAsync("pacs-b", "s", Lease, Now, CancellationToken.None));
        Assert.Null(await db.Outbox.ClaimNextAsync("pacs-a", "s", Lease, Now - TimeSpan.FromMilliseconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimNext_SeveralReports_OldestReportFirst()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var first = await SettleOneAsync(db, 1, 1, T0);
        var second = await SettleOneAsync(db, 2, 2, T0 + TimeSpan.FromSeconds(1));
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);

        var a = await db.Outbox.ClaimNextAsync("pacs-a", "s", Lease, Now, CancellationToken.None);
        var b = await db.Outbox.ClaimNextAsync("pacs-a", "s", Lease, Now, CancellationToken.None);

        Assert.Equal(first.ReportId, a!.ReportId);
        Assert.Equal(second.ReportId, b!.ReportId);
    }

    [Fact]
    public async Task ClaimNext_NewerVersionWhileTheOlderIsBeingSent_WaitsForItWhileOtherStudiesGoAhead()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var v1 = await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var sendingV1 = await db.Outbox.ClaimNextAsync("pacs-a", "loop-1", Lease, Now, CancellationToken.None);
        var later = Now + TimeSpan.FromMinutes(1);
        var v2 = await SettleOneAsync(db, 1, 2, later); // a late image: version 2 of the same study
        var other = await SettleOneAsync(db, 2, 3, later);
        await db.Outbox.FanOutAsync(["pacs-a"], later + Quiet, CancellationToken.None);
        var claimAt = later + Quiet + TimeSpan.FromSeconds(1);

        var second = await db.Outbox.ClaimNextAsync("pacs-a", "loop-2", Lease, claimAt, CancellationToken.None);
        var third = await db.Outbox.ClaimNextAsync("pacs-a", "loop-3", Lease, claimAt, CancellationToken.None);
        Assert.True(await db.Outbox.MarkDeliveredAsync(sendingV1!.DeliveryId, "loop-1", claimAt, CancellationToken.None));
        var afterV1 = await db.Outbox.ClaimNextAsync("pacs-a", "loop-1", Lease, claimAt, CancellationToken.None);

        Assert.Equal(v1.ReportId, sendingV1.ReportId);
        Assert.NotEqual(v1.ReportId, v2.ReportId);
        Assert.Equal(other.ReportId, second!.ReportId); // the other study is not held up
        Assert.Null(third);                             // version 2 waits while version 1 is being sent
        Assert.Equal(v2.ReportId, afterV1!.ReportId);
    }

    [Fact]
    public async Task ClaimNext_ConcurrentClaimers_NeverGetTheSameDelivery()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        for (var study = 1; study <= 40; study++)
        {
            await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(study), T0, skipReason: "lateral"), CancellationToken.None);
        }

        await db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var claimed = new ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            while (await db.Outbox.ClaimNextAsync("pacs-a", $"sender-{worker}", Lease, Now, CancellationToken.None) is { } claim)
            {
                claimed.Add(claim.DeliveryId);
            }
        })));

        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
    }

    [Fact]
    public async Task ClaimNext_ExpiredLease_ReclaimedAsAnotherAttemptAndTheOldOwnerLosesIt()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var first = await db.Outbox.ClaimNextAsync("pacs-a", "crashed", Lease, Now, CancellationToken.None);

        var whileLeased = await db.Outbox.ClaimNextAsync("pacs-a", "rescuer", Lease, Now + Lease, CancellationToken.None);
        var afterLease = await db.Outbox.ClaimNextAsync(
            "pacs-a", "rescuer", Lease, Now + Lease + TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var lateOldOwner = await db.Outbox.MarkDeliveredAsync(first!.DeliveryId, "crashed", Now + Lease + Lease, CancellationToken.None);

        Assert.Null(whileLeased);
        Assert.NotNull(afterLease);
        Assert.Equal(first.DeliveryId, afterLease.DeliveryId);
        Assert.Equal(2, afterLease.Attempt);
        Assert.False(lateOldOwner);
        Assert.True(await db.Outbox.MarkDeliveredAsync(afterLease.DeliveryId, "rescuer", Now + Lease + Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Outcomes_OnlyTheOwnerOfALiveClaimCanRecordThem()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var claim = (await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, Now, CancellationToken.None))!;

        Assert.False(await db.Outbox.MarkDeliveredAsync(claim.DeliveryId, "intruder", Now, CancellationToken.None));
        Assert.False(await db.Outbox.RetryLaterAsync(claim.DeliveryId, "intruder", Now, "x", Now, CancellationToken.None));
        Assert.False(await db.Outbox.MarkFailedAsync(claim.DeliveryId, "intruder", "x", Now, CancellationToken.None));
        Assert.False(await db.Outbox.MarkDeliveredAsync(claim.DeliveryId + 1000, "owner", Now, CancellationToken.None));
        Assert.Equal("Sending", await db.ScalarAsync<string>(
            "SELECT state FROM triage.report_deliveries WHERE id = @id", ("id", claim.DeliveryId)));
    }

    [Fact]
    public async Task RetryLater_Claimed_PendingAgainAtTheGivenTimeWithTheError()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var claim = (await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, Now, CancellationToken.None))!;
        var next = Now + TimeSpan.FromMinutes(2);

        Assert.True(await db.Outbox.RetryLaterAsync(
            claim.DeliveryId, "owner", next, "association refused (transient)", Now, CancellationToken.None));
        var again = await db.Outbox.RetryLaterAsync(claim.DeliveryId, "owner", next, "twice", Now, CancellationToken.None);
        var tooEarly = await db.Outbox.ClaimNextAsync(
            "pacs-a", "owner", Lease, next - TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var due = await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, next, CancellationToken.None);

        Assert.False(again);
        Assert.Null(tooEarly);
        Assert.Equal(2, due!.Attempt);
        var row = Assert.Single(await db.Outbox.ListAsync(null, "pacs-a", null, 10, CancellationToken.None));
        Assert.Equal("association refused (transient)", row.LastError);
    }

    [Fact]
    public async Task MarkDelivered_Claimed_DeliveredWithTimeAndNoLease()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(["pacs-a"], Now, CancellationToken.None);
        var claim = (await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, Now, CancellationToken.None))!;

        Assert.True(await db.Outbox.MarkDeliveredAsync(claim.DeliveryId, "owner", Now + TimeSpan.FromSeconds(2), CancellationToken.None));

        var row = Assert.Single(await db.Outbox.ListAsync(DeliveryState.Delivered, null, null, 10, CancellationToken.None));
        Assert.Equal(Now + TimeSpan.FromSeconds(2), row.DeliveredAt);
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT lease_until IS NULL FROM triage.report_deliveries WHERE id = @id", ("id", claim.DeliveryId)));
        Assert.Null(await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, Now + TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task MarkFailed_ThenRequeue_PendingWithAttemptsReset()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await SettleOneAsync(db, 2, 2, T0);
        await db.Outbox.FanOutAsync(Destinations, Now, CancellationToken.None);
        var failedIds = new List<long>();
        foreach (var destination in Destinations)
        {
            while (await db.Outbox.ClaimNextAsync(destination, "owner", Lease, Now, CancellationToken.None) is { } claim)
            {
                Assert.True(await db.Outbox.MarkFailedAsync(
                    claim.DeliveryId, "owner", "A-ASSOCIATE-RJ: calling AE not recognized", Now, CancellationToken.None));
                failedIds.Add(claim.DeliveryId);
            }
        }

        var failed = await db.Outbox.ListAsync(DeliveryState.Failed, null, null, 10, CancellationToken.None);
        var one = await db.Outbox.RequeueAsync(failedIds[0], null, Now, CancellationToken.None);
        var oneAgain = await db.Outbox.RequeueAsync(failedIds[0], null, Now, CancellationToken.None);
        var byDestination = await db.Outbox.RequeueAsync(null, "pacs-b", Now, CancellationToken.None);
        var rest = await db.Outbox.RequeueAsync(null, null, Now, CancellationToken.None);

        Assert.Equal(4, failed.Count);
        Assert.All(failed, r => Assert.Equal("A-ASSOCIATE-RJ: calling AE not recognized", r.LastError));
        Assert.Equal(1, one);
        Assert.Equal(0, oneAgain);
        Assert.Equal(2, byDestination);
        Assert.Equal(1, rest);
        var pending = await db.Outbox.ListAsync(DeliveryState.Pending, null, null, 10, CancellationToken.None);
        Assert.Equal(4, pending.Count);
        Assert.All(pending, r => Assert.Equal(0, r.Attempts));
        Assert.Equal(1, (await db.Outbox.ClaimNextAsync("pacs-a", "owner", Lease, Now, CancellationToken.None))!.Attempt);
    }
}
