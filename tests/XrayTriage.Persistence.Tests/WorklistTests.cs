using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class WorklistTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Worklist_UrgentFirstThenRoutineThenNotAssessableThenPending_OldestFirstWithin()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        // study n is received at T0 + n seconds; the wanted priority of each study:
        TriagePriority?[] priorities = [TriagePriority.Routine, null, TriagePriority.Urgent, TriagePriority.NotAssessable, TriagePriority.Urgent, TriagePriority.Routine];
        for (var n = 0; n < priorities.Length; n++)
        {
            var skip = priorities[n] == TriagePriority.NotAssessable ? "not a chest" : null;
            await db.Store.RecordReceivedAsync(Instance(StudyUid(n), SopUid(n), T0.AddSeconds(n), skipReason: skip), CancellationToken.None);
        }

        foreach (var claimed in await db.Store.ClaimAsync("w1", 10, Lease, T0.AddMinutes(1), CancellationToken.None))
        {
            var n = int.Parse(claimed.StudyInstanceUid.Split('.')[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (priorities[n] is { } priority)
            {
                await db.Store.CompleteAsync(claimed.InstanceId, Outcome(priority), T0.AddMinutes(1), CancellationToken.None);
            }
        }

        var all = await db.Store.GetWorklistAsync(0, 10, CancellationToken.None);
        var page2 = await db.Store.GetWorklistAsync(2, 2, CancellationToken.None);

        Assert.Equal([StudyUid(2), StudyUid(4), StudyUid(0), StudyUid(5), StudyUid(3), StudyUid(1)], all.Select(e => e.StudyInstanceUid));
        Assert.Equal([StudyUid(0), StudyUid(5)], page2.Select(e => e.StudyInstanceUid));
        Assert.Equal(Patient, all[0].Study);
        Assert.Null(all[^1].Priority);
    }

    [Fact]
    public async Task Study_EditedConcurrently_XminRefusesTheStaleWrite()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await RecordManyAsync(db.Store, 1);
        await using var first = await db.Factory.CreateDbContextAsync();
        await using var second = await db.Factory.CreateDbContextAsync();
        var a = await first.Studies.SingleAsync();
        var b = await second.Studies.SingleAsync();

        a.TriagePriority = TriagePriority.Urgent;
        await first.SaveChangesAsync();
        b.TriagePriority = TriagePriority.Routine;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("Urgent", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
    }

    [Fact]
    public async Task CountByState_ReportsQueueDepth()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        await RecordManyAsync(db.Store, 5);
        await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(99), T0, skipReason: "lateral"), CancellationToken.None);
        await db.Store.ClaimAsync("w1", 2, Lease, T0.AddMinutes(1), CancellationToken.None);

        var counts = await db.Store.CountByStateAsync(CancellationToken.None);

        Assert.Equal(3, counts[InstanceState.Received]);
        Assert.Equal(2, counts[InstanceState.Processing]);
        Assert.Equal(1, counts[InstanceState.Skipped]);
        Assert.False(counts.ContainsKey(InstanceState.Triaged));
    }
}
