using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class CompleteTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Complete_ClaimedInstance_StoresRunFindingsAndResultInOneGo()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);

        var outcome = await db.Store.CompleteAsync(
            id, Outcome(TriagePriority.Urgent, "pneumothorax"), T0.AddSeconds(2), CancellationToken.None);

        Assert.Equal(CompleteOutcome.Triaged, outcome);
        Assert.Equal("Triaged|w1", await db.ScalarAsync<string>(
            "SELECT state || '|' || claimed_by FROM triage.instances WHERE id = @id", ("id", id)));
        Assert.Equal(T0.AddSeconds(2), await db.ScalarAsync<DateTimeOffset>("SELECT triaged_at FROM triage.instances"));
        Assert.Equal("cxr-ensemble|2026.11.1|1.2.826.0.1.3680043.10.543.99|cpu|41.5", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', manifest_name, manifest_version, device_uid, provider, latency_ms) FROM triage.inference_runs"));
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.findings"));
        Assert.Equal(0.62, await db.ScalarAsync<double>(
            "SELECT probability FROM triage.findings WHERE model = 'ensemble' AND label = 'pneumothorax'"));
        Assert.Equal("Urgent|{pneumothorax}|0.35", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', priority, findings_over_threshold, thresholds->>'pneumothorax') FROM triage.triage_results"));
        Assert.Equal("Urgent", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
    }

    [Fact]
    public async Task Complete_Twice_SecondIsReportedAlreadyTriagedAndWritesNothing()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);
        await db.Store.CompleteAsync(id, Outcome(TriagePriority.Routine), T0, CancellationToken.None);

        var second = await db.Store.CompleteAsync(
            id, Outcome(TriagePriority.Urgent, "pneumothorax"), T0.AddSeconds(1), CancellationToken.None);

        Assert.Equal(CompleteOutcome.AlreadyTriaged, second);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.findings"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.triage_results"));
        Assert.Equal("Routine", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
    }

    [Fact]
    public async Task Complete_TwoWorkersAtOnceAfterALeaseTakeover_ExactlyOneRun()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("slow", 1, Lease, T0, CancellationToken.None);
        await db.Store.ClaimAsync("takeover", 1, Lease, T0 + Lease, CancellationToken.None);

        var outcomes = await Task.WhenAll(
            db.Store.CompleteAsync(id, Outcome(TriagePriority.Routine), T0 + Lease, CancellationToken.None),
            db.Store.CompleteAsync(id, Outcome(TriagePriority.Routine), T0 + Lease, CancellationToken.None));

        Assert.Equal([CompleteOutcome.Triaged, CompleteOutcome.AlreadyTriaged], outcomes.Order());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.triage_results"));
    }

    [Fact]
    public async Task InferenceRuns_SecondRunOfAnInstance_RefusedByTheUniqueConstraint()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        const string insert = "INSERT INTO triage.inference_runs " +
                              "(instance_id, manifest_name, manifest_version, device_uid, provider, latency_ms, created_at) " +
                              "VALUES (@id, 'm', '1', '1.2.3', 'cpu', 1, now()) RETURNING id";
        await db.ScalarAsync<long>(insert, ("id", id));

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<long>(insert, ("id", id)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("ux_inference_runs_instance_id", error.ConstraintName);
    }

    [Fact]
    public async Task Complete_UnknownInstance_NotFound()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        var outcome = await db.Store.CompleteAsync(4242, Outcome(TriagePriority.Routine), T0, CancellationToken.None);

        Assert.Equal(CompleteOutcome.NotFound, outcome);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
    }

    [Fact]
    public async Task StudyPriority_IsTheHighestAmongItsImages()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 3);
        await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(9), T0.AddSeconds(9), skipReason: "not a chest"), CancellationToken.None);
        await db.Store.ClaimAsync("w1", 3, Lease, T0.AddMinutes(1), CancellationToken.None);
        var priorities = new List<string?> { await StudyPriorityAsync(db) };

        foreach (var (id, priority) in ids.Zip([TriagePriority.Routine, TriagePriority.Urgent, TriagePriority.Routine]))
        {
            await db.Store.CompleteAsync(id, Outcome(priority), T0.AddMinutes(2), CancellationToken.None);
            priorities.Add(await StudyPriorityAsync(db));
        }

        Assert.Equal(["NotAssessable", "Routine", "Urgent", "Urgent"], priorities);
        Assert.Equal(3, await db.ScalarAsync<short>("SELECT priority_rank FROM triage.studies"));
    }

    [Fact]
    public async Task StudyPriority_ImagesOfOneStudyCompletingAtOnce_EndsAtTheHighest()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var ids = await RecordManyAsync(db.Store, 12);
        await db.Store.ClaimAsync("w1", 12, Lease, T0.AddMinutes(1), CancellationToken.None);

        await Task.WhenAll(ids.Select((id, i) => db.Store.CompleteAsync(
            id, Outcome(i == 7 ? TriagePriority.Urgent : TriagePriority.Routine), T0.AddMinutes(2), CancellationToken.None)));

        Assert.Equal("Urgent", await StudyPriorityAsync(db));
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Triaged'"));
    }

    private static Task<string?> StudyPriorityAsync(TestDatabase db)
        => db.ScalarAsync<string?>("SELECT triage_priority FROM triage.studies");
}
