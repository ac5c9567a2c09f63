using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class RecordReceivedTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RecordReceived_NewInstance_CreatesStudyAndQueuedInstance()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        var result = await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0), CancellationToken.None);

        Assert.Equal(RecordReceivedOutcome.Recorded, result.Outcome);
        Assert.Equal(InstanceState.Received, result.State);
        Assert.Equal("Received|Eligible|0|MODALITY1", await db.ScalarAsync<string>(
            "SELECT state || '|' || eligibility || '|' || attempts || '|' || calling_ae_title FROM triage.instances WHERE id = @id",
            ("id", result.InstanceId)));
        Assert.Equal("DOE^JANE|PID-0001|ACC-17|2026-11-25|DX|CHEST|1", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', patient_name, patient_id, accession_number, study_date, modality, body_part_examined, image_count) "
            + "FROM triage.studies"));
        Assert.Null(await db.ScalarAsync<string?>("SELECT triage_priority FROM triage.studies"));
    }

    [Fact]
    public async Task RecordReceived_SameSopInstanceUidTwice_OneRowAndDuplicateReported()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var first = await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0), CancellationToken.None);

        var second = await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(1), T0.AddMinutes(5)) with { SpoolPath = "/var/spool/xraytriage/resent.dcm" },
            CancellationToken.None);

        Assert.Equal(RecordReceivedOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(first.SpoolPath, second.SpoolPath);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.instances"));
        // A duplicate neither counts as an image nor moves the study's quiet period.
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT image_count FROM triage.studies"));
        Assert.Equal(T0, await db.ScalarAsync<DateTimeOffset>("SELECT last_received_at FROM triage.studies"));
    }

    [Fact]
    public async Task RecordReceived_EightConcurrentSendsOfOneUid_OneRowOneRecorded()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 8).Select(async i =>
        {
            await start.WaitAsync();
            return await db.Store.RecordReceivedAsync(
                Instance(StudyUid(1), SopUid(1), T0.AddMilliseconds(i)) with { SpoolPath = $"/spool/copy-{i}.dcm" },
                CancellationToken.None);
        }).ToList();

        start.Release(8);
        var results = await Task.WhenAll(sends);

        Assert.Single(results, r => r.Outcome == RecordReceivedOutcome.Recorded);
        Assert.Equal(7, results.Count(r => r.Outcome == RecordReceivedOutcome.Duplicate));
        Assert.Single(results.Select(r => r.InstanceId).Distinct());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.instances"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.studies"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT image_count FROM triage.studies"));
    }

    [Fact]
    public async Task RecordReceived_ConcurrentImagesOfANewStudy_OneStudyCountingAll()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(i), T0.AddSeconds(i)), CancellationToken.None)));

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.studies"));
        Assert.Equal(8, await db.ScalarAsync<int>("SELECT image_count FROM triage.studies"));
        Assert.Equal(T0.AddSeconds(1), await db.ScalarAsync<DateTimeOffset>("SELECT first_received_at FROM triage.studies"));
        Assert.Equal(T0.AddSeconds(8), await db.ScalarAsync<DateTimeOffset>("SELECT last_received_at FROM triage.studies"));
    }

    [Fact]
    public async Task RecordReceived_Ineligible_SkippedWithReasonAndStudyNotAssessable()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        var result = await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(1), T0, skipReason: "lateral view"), CancellationToken.None);

        Assert.Equal(InstanceState.Skipped, result.State);
        Assert.Equal("Skipped|Skipped|lateral view", await db.ScalarAsync<string>(
            "SELECT state || '|' || eligibility || '|' || skip_reason FROM triage.instances"));
        Assert.Equal("NotAssessable", await db.ScalarAsync<string>("SELECT triage_priority FROM triage.studies"));
        Assert.Empty(await db.Store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(5), T0.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task RecordReceived_LaterImageCarriesMissingAttributes_FillsThemKeepsTheFirst()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var sparse = StudyAttributes.None with { PatientName = "DOE^JANE" };
        await db.Store.RecordReceivedAsync(Instance(StudyUid(1), SopUid(1), T0, study: sparse), CancellationToken.None);

        await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(2), T0.AddSeconds(1), study: Patient with { PatientName = "OTHER^NAME" }), CancellationToken.None);

        Assert.Equal("DOE^JANE|ACC-17|2", await db.ScalarAsync<string>(
            "SELECT concat_ws('|', patient_name, accession_number, image_count) FROM triage.studies"));
    }
}
