using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;
using static XrayTriage.Persistence.Tests.OutboxSamples;
using static XrayTriage.Persistence.Tests.Samples;

namespace XrayTriage.Persistence.Tests;

[Collection(SharedPostgres.Name)]
public sealed class ReportSettleTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Settle_QuietStudy_WritesReportVersionOneWithTheStudySnapshot()
    {
        var db = await TestDatabase.CreateAsync(postgres);

        var settled = await SettleOneAsync(db, 1, 1, T0);

        Assert.Equal(1, settled.Version);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.reports"));
        Assert.Equal(settled.StudyId, await db.ScalarAsync<long>(
            "SELECT study_id FROM triage.reports WHERE id = @id", ("id", settled.ReportId)));
        Assert.Equal("NotAssessable", await db.ScalarAsync<string>(
            "SELECT priority FROM triage.reports WHERE id = @id", ("id", settled.ReportId)));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT image_count FROM triage.reports WHERE id = @id", ("id", settled.ReportId)));
        Assert.Equal(T0 + Quiet, await db.ScalarAsync<DateTimeOffset>(
            "SELECT created_at FROM triage.reports WHERE id = @id", ("id", settled.ReportId)));
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT predecessor_report_id IS NULL AND fanned_out_at IS NULL FROM triage.reports WHERE id = @id",
            ("id", settled.ReportId)));
    }

    [Fact]
    public async Task Settle_LateImageReopensStudy_WritesVersionTwoWithVersionOneAsPredecessor()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var first = await SettleOneAsync(db, 1, 1, T0);

        var second = await SettleOneAsync(db, 1, 2, T0 + TimeSpan.FromMinutes(5));

        Assert.Equal(first.StudyId, second.StudyId);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, second.ImageCount);
        Assert.NotEqual(first.ReportId, second.ReportId);
        Assert.Equal(first.ReportId, await db.ScalarAsync<long>(
            "SELECT predecessor_report_id FROM triage.reports WHERE id = @id", ("id", second.ReportId)));
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT image_count FROM triage.reports WHERE id = @id", ("id", second.ReportId)));
    }

    [Fact]
    public async Task Settle_ConcurrentSweeps_WriteOneReportPerStudy()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        for (var study = 1; study <= 20; study++)
        {
            await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(study), T0, skipReason: "lateral"), CancellationToken.None);
        }

        var sweeps = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None)));

        var settled = sweeps.SelectMany(s => s).ToList();
        Assert.Equal(20, settled.Count);
        Assert.All(settled, s => Assert.Equal(1, s.Version));
        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.reports"));
        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(DISTINCT study_id) FROM triage.reports"));
        Assert.Equal(
            settled.Select(s => s.ReportId).Order(),
            (await db.ColumnAsync("SELECT id FROM triage.reports ORDER BY id")).Select(long.Parse));
    }

    [Fact]
    public async Task Settle_ConcurrentSweepsOverReopenedStudies_WriteExactlyVersionTwo()
    {
        var db = await TestDatabase.CreateAsync(postgres);
        var later = T0 + TimeSpan.FromMinutes(5);
        for (var study = 1; study <= 10; study++)
        {
            await db.Store.RecordReceivedAsync(Instance(StudyUid(study), SopUid(study), T0, skipReason: "lateral"), CancellationToken.None);
        }

        await db.Store.SettleAsync(Quiet, T0 + Quiet, CancellationToken.None);
        for (var study = 1; study <= 10; study++)
        {
            await db.Store.RecordReceivedAsync(
                Instance(StudyUid(study), SopUid(100 + study), later, skipReason: "lateral"), CancellationToken.None);
        }

        var sweeps = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => db.Store.SettleAsync(Quiet, later + Quiet, CancellationToken.None)));

        var settled = sweeps.SelectMany(s => s).ToList();
        Assert.Equal(10, settled.Count);
        Assert.All(settled, s => Assert.Equal(2, s.Version));
        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(*) FROM triage.reports"));
        Assert.Equal(10L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM triage.reports r JOIN triage.reports p ON p.id = r.predecessor_report_id "
            + "WHERE r.version = 2 AND p.version = 1 AND p.study_id = r.study_id"));
    }
}
