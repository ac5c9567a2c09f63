using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class PurgeTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Later = T0 + TimeSpan.FromDays(2);

    [Fact]
    public async Task GetPurgeable_LatestReportDeliveredEverywhere_ItsImagesAndMarkPurgedRemovesThem()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var (settled, instanceId) = await SettleTriagedAsync(db, 1, 1, T0);
        var skipped = await SettleOneAsync(db, 2, 2, T0);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        await DeliverAllAsync(db, T0 + TimeSpan.FromMinutes(1));

        var candidates = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        var beforeCutoff = await db.Outbox.GetPurgeableAsync(T0, 10, CancellationToken.None);
        var marked = await db.Outbox.MarkPurgedAsync([.. candidates.Select(c => c.InstanceId)], Later, CancellationToken.None);
        var after = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);

        Assert.Equal(2, candidates.Count);
        Assert.Contains(
            candidates,
            c => c.InstanceId == instanceId && c.StudyId == settled.StudyId && c.SpoolPath == $"/var/spool/xraytriage/{SopUid(1)}.dcm");
        Assert.Contains(candidates, c => c.StudyId == skipped.StudyId);
        Assert.Empty(beforeCutoff);
        Assert.Equal(2, marked);
        Assert.Empty(after);
        Assert.True((await db.Outbox.GetContentAsync(settled.ReportId, CancellationToken.None))!.Images[0].SpoolPurged);
    }

    [Fact]
    public async Task GetPurgeable_ADeliveryPendingOrFailed_Nothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        var now = T0 + TimeSpan.FromMinutes(1);
        var claim = (await db.Outbox.ClaimNextAsync("pacs-a", "s", Lease, now, CancellationToken.None))!;
        await db.Outbox.MarkDeliveredAsync(claim.DeliveryId, "s", now, CancellationToken.None);

        var withPending = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        var sending = (await db.Outbox.ClaimNextAsync("pacs-b", "s", Lease, now, CancellationToken.None))!;
        var withSending = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        await db.Outbox.MarkFailedAsync(sending.DeliveryId, "s", "rejected", now, CancellationToken.None);
        var withFailed = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);

        Assert.Empty(withPending);
        Assert.Empty(withSending);
        Assert.Empty(withFailed);
    }

    [Fact]
    public async Task GetPurgeable_NoDestinationConfigured_ReportedStudiesGoAfterTheCutoff()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync([], T0 + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Empty(await db.Outbox.GetPurgeableAsync(T0, 10, CancellationToken.None));
        Assert.Equal([SopUid(1)], await SopUidsAsync(db, await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task GetPurgeable_NotFannedOut_Nothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);

        Assert.Empty(await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetPurgeable_NewerReportNotDeliveredYet_Nothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        await DeliverAllAsync(db, T0 + TimeSpan.FromMinutes(1));
        await SettleOneAsync(db, 1, 2, T0 + TimeSpan.FromMinutes(5));

        var unfanned = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(6), CancellationToken.None);
        var pending = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        await DeliverAllAsync(db, T0 + TimeSpan.FromMinutes(6));
        var delivered = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);

        Assert.Empty(unfanned);
        Assert.Empty(pending);
        Assert.Equal([SopUid(1), SopUid(2)], await SopUidsAsync(db, delivered));
    }

    [Fact]
    public async Task GetPurgeable_ImageReceivedAfterTheLatestReport_KeptWhileTheOthersGo()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        await DeliverAllAsync(db, T0 + TimeSpan.FromMinutes(1));
        await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(2), T0 + TimeSpan.FromMinutes(5), skipReason: "lateral"), CancellationToken.None);

        var reopened = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);
        // Settled again without the report being fanned out: the late image is covered by no delivered report yet.
        await db.ScalarAsync<int>("UPDATE triage.studies SET settled_at = @t", ("t", T0 + TimeSpan.FromMinutes(6)));
        var settledWithoutReport = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);

        Assert.Empty(reopened);
        Assert.Equal([SopUid(1)], await SopUidsAsync(db, settledWithoutReport));
    }

    [Fact]
    public async Task GetPurgeable_ImageStillQueued_Kept()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await SettleOneAsync(db, 1, 1, T0);
        await db.Outbox.FanOutAsync(Destinations, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        await DeliverAllAsync(db, T0 + TimeSpan.FromMinutes(1));
        // An eligible image received before the report but still queued (not possible through settling; guards the state filter).
        await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(2), T0 + TimeSpan.FromSeconds(1)), CancellationToken.None);
        await db.ScalarAsync<int>("UPDATE triage.studies SET settled_at = @t", ("t", T0 + TimeSpan.FromMinutes(6)));

        var candidates = await db.Outbox.GetPurgeableAsync(Later, 10, CancellationToken.None);

        Assert.Equal([SopUid(1)], await SopUidsAsync(db, candidates));
    }

    private static async Task<List<string>> SopUidsAsync(TestDatabase db, IReadOnlyList<Core.Pipeline.Reports.PurgeCandidate> candidates)
    {
        var uids = new List<string>();
        foreach (var candidate in candidates)
        {
            uids.Add(await db.ScalarAsync<string>(
                "SELECT sop_instance_uid FROM triage.instances WHERE id = @id", ("id", candidate.InstanceId)));
        }

        return [.. uids.Order(StringComparer.Ordinal)];
    }
}
