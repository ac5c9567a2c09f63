using System.Collections.Concurrent;
using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class ClaimTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Claim_ConcurrentClaimers_ClaimDisjointSetsCoveringEveryInstanceOnce(int claimers)
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 50);
        var claims = new ConcurrentBag<(string Worker, long Id)>();
        using var start = new SemaphoreSlim(0);

        var workers = Enumerable.Range(1, claimers).Select(async w =>
        {
            var worker = $"worker-{w}";
            await start.WaitAsync();
            while (true)
            {
                var batch = await db.Store.ClaimAsync(worker, 3, Lease, T0.AddMinutes(1), CancellationToken.None);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var claimed in batch)
                {
                    claims.Add((worker, claimed.InstanceId));
                }
            }
        }).ToList();
        start.Release(claimers);
        await Task.WhenAll(workers);

        var claimedIds = claims.Select(c => c.Id).ToList();
        Assert.Equal(50, claimedIds.Count);
        Assert.Equal(ids.Order(), claimedIds.Order());
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Processing'"));
        foreach (var (worker, id) in claims)
        {
            Assert.Equal(worker, await db.ScalarAsync<string>("SELECT claimed_by FROM triage.instances WHERE id = @id", ("id", id)));
        }
    }

    [Fact]
    public async Task Claim_RowLockedByAnotherClaimer_IsSkippedNotWaitedFor()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 3);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockOldest = new NpgsqlCommand(
            "SELECT id FROM triage.instances WHERE id = @id FOR UPDATE", connection, transaction))
        {
            lockOldest.Parameters.AddWithValue("id", ids[0]);
            await lockOldest.ExecuteScalarAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var batch = await db.Store.ClaimAsync("w2", 10, Lease, T0.AddMinutes(1), timeout.Token);

        Assert.Equal(ids.Skip(1), batch.Select(c => c.InstanceId));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Claim_Batch_OldestFirstWithWhatTheWorkerNeeds()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 5);

        var batch = await db.Store.ClaimAsync("w1", 3, Lease, T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(ids.Take(3), batch.Select(c => c.InstanceId));
        var first = batch[0];
        Assert.Equal(StudyUid(1), first.StudyInstanceUid);
        Assert.Equal(SopUid(1), first.SopInstanceUid);
        Assert.Equal($"/var/spool/xraytriage/{SopUid(1)}.dcm", first.SpoolPath);
        Assert.Equal(new string('a', 64), first.Sha256);
        Assert.Equal(0, first.Attempts);
    }

    [Fact]
    public async Task Claim_LeaseExpired_AnotherWorkerReclaimsItAsAFailedAttempt()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 2);
        await db.Store.ClaimAsync("crashed", 2, Lease, T0, CancellationToken.None);

        var beforeExpiry = await db.Store.ClaimAsync("w2", 10, Lease, T0 + Lease - TimeSpan.FromSeconds(1), CancellationToken.None);
        var afterExpiry = await db.Store.ClaimAsync("w2", 10, Lease, T0 + Lease, CancellationToken.None);

        Assert.Empty(beforeExpiry);
        Assert.Equal(ids, afterExpiry.Select(c => c.InstanceId));
        Assert.All(afterExpiry, c => Assert.Equal(1, c.Attempts));
        Assert.Equal("w2|lease of crashed expired", await db.ScalarAsync<string>(
            "SELECT claimed_by || '|' || last_error FROM triage.instances WHERE id = @id", ("id", ids[0])));
    }

    [Fact]
    public async Task Claim_AfterRestart_ResumesUnfinishedWorkOnly()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 3);
        var claimed = await db.Store.ClaimAsync("before-restart", 3, Lease, T0, CancellationToken.None);
        Assert.Equal(
            CompleteOutcome.Triaged,
            await db.Store.CompleteAsync(claimed[0].InstanceId, Outcome(TriagePriority.Routine), T0, CancellationToken.None));

        var resumed = await db.Store.ClaimAsync("after-restart", 10, Lease, T0 + Lease + Lease, CancellationToken.None);

        Assert.Equal(ids.Skip(1), resumed.Select(c => c.InstanceId));
    }
}
