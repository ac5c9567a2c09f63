using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class FailTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Fail_BelowMaxAttempts_RequeuedAfterAnExponentialBackoff()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);

        var first = await db.Store.FailAsync(id, "w1", "decoder threw", 3, Backoff, T0, CancellationToken.None);
        var tooEarly = await db.Store.ClaimAsync("w1", 1, Lease, T0 + Backoff - TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var due = await db.Store.ClaimAsync("w1", 1, Lease, T0 + Backoff, CancellationToken.None);
        var second = await db.Store.FailAsync(id, "w1", "decoder threw again", 3, Backoff, T0 + Backoff, CancellationToken.None);

        Assert.Equal(new FailResult(InstanceState.Received, 1, T0 + Backoff), first);
        Assert.Empty(tooEarly);
        Assert.Equal(1, Assert.Single(due).Attempts);
        Assert.Equal(new FailResult(InstanceState.Received, 2, T0 + Backoff + 2 * Backoff), second);
        Assert.Equal("Received|decoder threw again|<null>", string.Join('|', await db.ColumnAsync(
            "SELECT unnest(ARRAY[state, last_error, claimed_by]) FROM triage.instances")));
    }

    [Fact]
    public async Task Fail_AtMaxAttempts_FailedForGoodAndStudyNotAssessable()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        var now = T0;
        FailResult? last = null;

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Single(await db.Store.ClaimAsync("w1", 1, Lease, now, CancellationToken.None));
            last = await db.Store.FailAsync(id, "w1", $"attempt {attempt} failed", 3, Backoff, now, CancellationToken.None);
            now += TimeSpan.FromHours(1);
        }

        Assert.Equal(new FailResult(InstanceState.Failed, 3, null), last);
        Assert.Empty(await db.Store.ClaimAsync("w1", 1, Lease, now + TimeSpan.FromDays(1), CancellationToken.None));
        Assert.Equal("Failed|attempt 3 failed", await db.ScalarAsync<string>("SELECT state || '|' || last_error FROM triage.instances"));
        Assert.Equal("NotAssessable", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
    }

    [Fact]
    public async Task Fail_ByAWorkerWhoseLeaseWasTakenOver_ChangesNothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("slow", 1, Lease, T0, CancellationToken.None);
        await db.Store.ClaimAsync("takeover", 1, Lease, T0 + Lease, CancellationToken.None);

        var result = await db.Store.FailAsync(id, "slow", "timed out", 3, Backoff, T0 + Lease, CancellationToken.None);

        Assert.Null(result);
        Assert.Equal("Processing|takeover|1", await db.ScalarAsync<string>(
            "SELECT state || '|' || claimed_by || '|' || attempts FROM triage.instances"));
    }
}
