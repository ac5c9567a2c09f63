using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class SettleTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Settle_QuietTriagedStudy_FiresOnceOnly()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);
        await db.Store.CompleteAsync(id, Outcome(TriagePriority.Urgent, "pneumothorax"), T0.AddSeconds(1), CancellationToken.None);

        var early = await db.Store.SettleAsync(Quiet, T0 + Quiet - TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var due = await db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None);
        var again = await db.Store.SettleAsync(Quiet, T0 + Quiet + Quiet, CancellationToken.None);

        Assert.Empty(early);
        var settled = Assert.Single(due);
        Assert.Equal(new SettledStudy(settled.StudyId, TriagePriority.Urgent, 1, settled.ReportId, 1), settled);
        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM triage.studies WHERE id = @id AND study_instance_uid = @uid AND settled_at = @at",
            ("id", settled.StudyId), ("uid", StudyUid(1)), ("at", T0 + Quiet)));
        Assert.Empty(again);
    }

    [Fact]
    public async Task Settle_NewImageAfterSettling_FiresAgainOnlyAfterTheNextQuietPeriod()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0, skipReason: "lateral"), CancellationToken.None);
        Assert.Single(await db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None));
        var later = T0 + TimeSpan.FromMinutes(1);
        await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(2), later, skipReason: "lateral"), CancellationToken.None);

        var tooEarly = await db.Store.SettleAsync(Quiet, later + Quiet - TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var due = await db.Store.SettleAsync(Quiet, later + Quiet, CancellationToken.None);
        var duplicate = await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(2), later + Quiet), CancellationToken.None);
        var afterDuplicate = await db.Store.SettleAsync(Quiet, later + Quiet + Quiet, CancellationToken.None);

        Assert.Empty(tooEarly);
        Assert.Equal(2, Assert.Single(due).ImageCount);
        Assert.Equal(RecordReceivedOutcome.Duplicate, duplicate.Outcome);
        Assert.Empty(afterDuplicate);
    }

    [Fact]
    public async Task Settle_ImagesStillQueuedOrProcessing_WaitsUntilTheyAreDone()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 2);
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);
        var late = T0 + TimeSpan.FromMinutes(1);

        var whilePending = await db.Store.SettleAsync(Quiet, late, CancellationToken.None);
        await db.Store.CompleteAsync(ids[0], Outcome(TriagePriority.Routine), late, CancellationToken.None);
        var whileOneQueued = await db.Store.SettleAsync(Quiet, late, CancellationToken.None);
        await db.Store.ClaimAsync("w1", 1, Lease, late, CancellationToken.None);
        await db.Store.CompleteAsync(ids[1], Outcome(TriagePriority.Routine), late, CancellationToken.None);
        var done = await db.Store.SettleAsync(Quiet, late, CancellationToken.None);

        Assert.Empty(whilePending);
        Assert.Empty(whileOneQueued);
        Assert.Equal(TriagePriority.Routine, Assert.Single(done).Priority);
    }

    [Fact]
    public async Task Settle_ConcurrentSweeps_EachStudyReturnedByExactlyOne()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        for (var study = 1; study <= 20; study++)
        {
            await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(study), T0, skipReason: "lateral"), CancellationToken.None);
        }

        var sweeps = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None)));

        var settled = sweeps.SelectMany(s => s).Select(s => s.StudyId).ToList();
        Assert.Equal(20, settled.Count);
        Assert.Equal(20, settled.Distinct().Count());
    }
}
