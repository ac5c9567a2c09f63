using Npgsql;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

/// <summary>The content gate's decision stored with the triage result and read back for the report.</summary>
[Collection(SharedPostgres.Name)]
public sealed class ContentGateRecordTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Complete_RefusedByContentGate_ReasonScoreAndThresholdStoredAndReadBackForTheReport()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var recorded = await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0), CancellationToken.None);
        await db.Store.ClaimAsync("w1", 10, Lease, T0, CancellationToken.None);
        var outcome = Outcome(TriagePriority.NotAssessable) with
        {
            Probabilities = [],
            NotAssessableReason = NotAssessableReason.NotChestRadiograph,
            ContentGateScore = 2311.44,
            ContentGateThreshold = 1630.2,
        };

        Assert.Equal(
            CompleteOutcome.Triaged,
            await db.Store.CompleteAsync(recorded.InstanceId, outcome, T0.AddSeconds(1), CancellationToken.None));
        var settled = await db.Store.SettleAsync(Quiet, T0 + Quiet + TimeSpan.FromSeconds(1), CancellationToken.None);
        var content = await db.Outbox.GetContentAsync(settled.Single().ReportId, CancellationToken.None);

        Assert.Equal("NotAssessable|NotChestRadiograph|2311.44|1630.2", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', priority, not_assessable_reason, content_gate_score, content_gate_threshold) "
            + "FROM triage.triage_results"));
        Assert.Equal("NotAssessable", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
        var run = Assert.Single(content!.Images).Run;
        Assert.NotNull(run);
        Assert.Equal(TriagePriority.NotAssessable, run.Priority);
        Assert.Equal(NotAssessableReason.NotChestRadiograph, run.NotAssessableReason);
        Assert.Equal(2311.44, run.ContentGateScore);
        Assert.Equal(1630.2, run.ContentGateThreshold);
        Assert.Empty(run.Probabilities);
    }

    [Fact]
    public async Task Complete_OperatingPoint_StoredWithTheDecisionAndReadBackForTheReport()
    {
        const string OperatingPoint = "site-calibrated 2026-12-07 by alice on 1136 films (sensitivity>=0.95): covid19 >= 0.134";
        var db = await TestDatabase.CreateAsync(postgres);
        var recorded = await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0), CancellationToken.None);
        await db.Store.ClaimAsync("w1", 10, Lease, T0, CancellationToken.None);

        await db.Store.CompleteAsync(
            recorded.InstanceId,
            Outcome(TriagePriority.Urgent, "covid19") with { OperatingPoint = OperatingPoint },
            T0.AddSeconds(1),
            CancellationToken.None);
        var settled = await db.Store.SettleAsync(Quiet, T0 + Quiet + TimeSpan.FromSeconds(1), CancellationToken.None);
        var content = await db.Outbox.GetContentAsync(settled.Single().ReportId, CancellationToken.None);

        Assert.Equal(OperatingPoint, await db.ScalarAsync<string>("SELECT operating_point FROM triage.triage_results"));
        Assert.Equal(OperatingPoint, Assert.Single(content!.Images).Run!.OperatingPoint);
    }

    [Fact]
    public async Task Complete_PassedContentGate_ScoreStoredWithoutReason()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);

        await db.Store.CompleteAsync(id, Outcome(TriagePriority.Routine) with { ContentGateScore = 812.5, ContentGateThreshold = 1630.2 },
            T0.AddSeconds(1), CancellationToken.None);

        Assert.Equal("Routine||812.5|1630.2", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', priority, coalesce(not_assessable_reason, ''), content_gate_score, content_gate_threshold) "
            + "FROM triage.triage_results"));
    }

    [Fact]
    public async Task Complete_ReasonWithAClass_RefusedByTheDatabase()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);
        var contradictory = Outcome(TriagePriority.Urgent, "pneumothorax") with
        {
            NotAssessableReason = NotAssessableReason.BlankImage,
            ContentGateScore = 0,
            ContentGateThreshold = 8,
        };

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => db.Store.CompleteAsync(id, contradictory, T0.AddSeconds(1), CancellationToken.None));

        Assert.Equal("ck_triage_results_not_assessable_reason", error.ConstraintName);
    }
}
