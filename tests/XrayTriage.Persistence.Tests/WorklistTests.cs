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
    public async Task Study_Ranks_AreComputedFromTheOnePriorityTable()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        // study n is received at T0 + n seconds; the wanted priority of each study:
        TriagePriority?[] priorities = [TriagePriority.Routine, null, TriagePriority.Urgent, TriagePriority.NotAssessable];
        for (var n = 0; n < priorities.Length; n++)
        {
            var skip = priorities[n] == TriagePriority.NotAssessable ? "not a chest" : null;
            await db.Store.RecordReceivedAsync(
                Instance(StudyUid(n), SopUid(n), T0.AddSeconds(n), skipReason: skip), CancellationToken.None);
        }

        foreach (var claimed in await db.Store.ClaimAsync("w1", 10, Lease, T0.AddMinutes(1), CancellationToken.None))
        {
            var n = int.Parse(claimed.StudyInstanceUid.Split('.')[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (priorities[n] is { } priority)
            {
                await db.Store.CompleteAsync(claimed.InstanceId, Outcome(priority), T0.AddMinutes(1), CancellationToken.None);
            }
        }

        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            var urgent = await context.Studies.SingleAsync(s => s.StudyInstanceUid == StudyUid(1));
            urgent.HumanPriority = TriagePriority.Urgent;
            await context.SaveChangesAsync();
        }

        await using var reader = await db.Factory.CreateDbContextAsync();
        var studies = await reader.Studies.AsNoTracking().OrderBy(s => s.FirstReceivedAt).ToListAsync();
        Assert.Equal(priorities, studies.Select(s => s.TriagePriority));
        Assert.Equal(priorities.Select(TriagePriorityNames.Rank), studies.Select(s => (int)s.PriorityRank));
        Assert.Equal([2, 3, 3, 1], studies.Select(s => (int)s.WorklistRank));
        Assert.Equal([TriagePriority.Routine, TriagePriority.Urgent, TriagePriority.Urgent, TriagePriority.NotAssessable],
            studies.Select(s => TriagePriorityNames.FromRank(s.WorklistRank)));
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
