using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class ReportContentTests(PostgresFixture postgres)
{
    [Fact]
    public async Task GetContent_TriagedStudy_UidsRunProbabilitiesAndHeatmapFromTheDatabase()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var (settled, instanceId) = await SettleTriagedAsync(db, 1, 1, T0);

        var content = await db.Outbox.GetContentAsync(settled.ReportId, CancellationToken.None);

        Assert.NotNull(content);
        Assert.Equal(settled.ReportId, content.ReportId);
        Assert.Equal(settled.StudyId, content.StudyId);
        Assert.Equal(StudyUid(1), content.StudyInstanceUid);
        Assert.Equal(1, content.Version);
        Assert.Null(content.Predecessor);
        Assert.Equal(TriagePriority.Urgent, content.Priority);
        Assert.Equal(Patient, content.Study);
        Assert.Equal(await UidOfAsync(db, "SELECT sr_uuid FROM triage.reports WHERE id = @id", settled.ReportId), content.SrSopInstanceUid);
        Assert.Equal(
            await UidOfAsync(db, "SELECT sr_series_uuid FROM triage.studies WHERE id = @id", settled.StudyId),
            content.SrSeriesInstanceUid);
        Assert.Equal(
            await UidOfAsync(db, "SELECT sc_series_uuid FROM triage.studies WHERE id = @id", settled.StudyId),
            content.ScSeriesInstanceUid);
        Assert.Equal(5, new[] { content.SrSopInstanceUid, content.SrSeriesInstanceUid, content.ScSeriesInstanceUid,
            content.Images[0].TrackingUid, content.Images[0].ScSopInstanceUid }.Append(StudyUid(1)).Distinct().Count() - 1);

        var image = Assert.Single(content.Images);
        Assert.Equal(instanceId, image.InstanceId);
        Assert.Equal(SopUid(1), image.SopInstanceUid);
        Assert.Equal(StudyUid(1) + ".1", image.SeriesInstanceUid);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.1.1", image.SopClassUid);
        Assert.Equal($"/var/spool/xraytriage/{SopUid(1)}.dcm", image.SpoolPath);
        Assert.False(image.SpoolPurged);
        Assert.Equal(InstanceState.Triaged, image.State);
        Assert.Equal(Eligibility.Eligible, image.Eligibility);
        Assert.StartsWith("2.25.", image.TrackingUid, StringComparison.Ordinal);
        Assert.Equal(await UidOfAsync(db, "SELECT tracking_uuid FROM triage.instances WHERE id = @id", instanceId), image.TrackingUid);
        Assert.Equal(await UidOfAsync(db, "SELECT sc_uuid FROM triage.instances WHERE id = @id", instanceId), image.ScSopInstanceUid);

        var run = image.Run;
        var expected = Outcome(TriagePriority.Urgent, "pneumothorax");
        Assert.NotNull(run);
        Assert.Equal(expected.ManifestName, run.ManifestName);
        Assert.Equal(expected.ManifestVersion, run.ManifestVersion);
        Assert.Equal(expected.DeviceUid, run.DeviceUid);
        Assert.Equal(expected.Provider, run.Provider);
        Assert.Equal(TriagePriority.Urgent, run.Priority);
        Assert.Equal(["pneumothorax"], run.FindingsOverThreshold);
        Assert.Equal(expected.Thresholds.OrderBy(t => t.Key), run.Thresholds.OrderBy(t => t.Key));
        Assert.Equal(
            expected.Probabilities.OrderBy(p => p.Model).ThenBy(p => p.Label),
            run.Probabilities.OrderBy(p => p.Model).ThenBy(p => p.Label));
        Assert.Equal(FindingProbability.EnsembleModel, run.Probabilities[0].Model);
        Assert.NotNull(run.Heatmap);
        Assert.Equal(4, run.Heatmap.Width);
        Assert.Equal(3, run.Heatmap.Height);
        Assert.Equal(Heatmap().Values, run.Heatmap.Values);
    }

    [Fact]
    public async Task GetContent_SecondVersion_PredecessorAndOnlyImagesReceivedBeforeIt()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var v1 = await SettleOneAsync(db, 1, 1, T0);
        var v2 = await SettleOneAsync(db, 1, 2, T0 + TimeSpan.FromMinutes(5));
        await db.Store.RecordReceivedAsync(
            Instance(StudyUid(1), SopUid(3), T0 + TimeSpan.FromMinutes(10), skipReason: "lateral"), CancellationToken.None);

        var first = await db.Outbox.GetContentAsync(v1.ReportId, CancellationToken.None);
        var second = await db.Outbox.GetContentAsync(v2.ReportId, CancellationToken.None);

        Assert.Equal([SopUid(1)], first!.Images.Select(i => i.SopInstanceUid));
        Assert.Equal([SopUid(1), SopUid(2)], second!.Images.Select(i => i.SopInstanceUid));
        Assert.NotNull(second.Predecessor);
        Assert.Equal(v1.ReportId, second.Predecessor.ReportId);
        Assert.Equal(1, second.Predecessor.Version);
        Assert.Equal(first.SrSopInstanceUid, second.Predecessor.SrSopInstanceUid);
        Assert.NotEqual(first.SrSopInstanceUid, second.SrSopInstanceUid);
        Assert.Equal(first.SrSeriesInstanceUid, second.SrSeriesInstanceUid);
        Assert.Equal(first.Images[0].TrackingUid, second.Images[0].TrackingUid);
        Assert.Equal(first.Images[0].ScSopInstanceUid, second.Images[0].ScSopInstanceUid);
        var skipped = second.Images[1];
        Assert.Equal(InstanceState.Skipped, skipped.State);
        Assert.Equal("lateral", skipped.SkipReason);
        Assert.Null(skipped.Run);
    }

    [Fact]
    public async Task GetContent_UnknownReport_Null()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        Assert.Null(await db.Outbox.GetContentAsync(12345, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_HeatmapOfTheWrongSize_Refused()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var id = (await RecordManyAsync(db.Store, 1))[0];
        await db.Store.ClaimAsync("w1", 1, Lease, T0, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.CompleteAsync(
            id, Outcome(TriagePriority.Routine) with { Heatmap = new InferenceHeatmap(65, 1, new byte[65]) }, T0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.CompleteAsync(
            id, Outcome(TriagePriority.Routine) with { Heatmap = new InferenceHeatmap(2, 2, new byte[3]) }, T0, CancellationToken.None));
        Assert.Equal(
            CompleteOutcome.Triaged,
            await db.Store.CompleteAsync(id, Outcome(TriagePriority.Routine), T0, CancellationToken.None));
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT heatmap IS NULL AND heatmap_width IS NULL FROM triage.inference_runs WHERE instance_id = @id", ("id", id)));
    }

    private static async Task<string> UidOfAsync(TestDatabase db, string sql, long id)
        => UuidUid.ToDicomUid(await db.ScalarAsync<Guid>(sql, ("id", id)));
}
