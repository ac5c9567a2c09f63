using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using XrayTriage.Core.Pipeline;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

[Collection(TriageEnvironment.Name)]
public sealed class StudySettlerTests(PostgresFixture postgres, SmokeEnsembleFixture ensemble)
{
    [Fact]
    public async Task Settler_StudyQuietAfterTriage_PublishedOnceWithHighestPriority()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var sink = new RecordingSink();
        var first = await bed.ReceiveAsync(TriageTestBed.SmallChest, study: 1);
        var second = await bed.ReceiveAsync(
            Path.Combine(TriageTestBed.ChestSamples, "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm"), study: 1);

        await bed.StartHostAsync(
            new() { ["Triage:StudyQuietPeriod"] = "00:00:01" },
            services => services.AddSingleton<ISettledStudySink>(sink));
        await bed.WaitUntilSettledAsync(2, TimeSpan.FromMinutes(2));
        var deadline = TimeProvider.System.GetTimestamp();
        while (sink.Studies.IsEmpty && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        // Several more sweeps run in this time; none may publish the study again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var study = Assert.Single(sink.Studies);
        Assert.Equal(TriageTestBed.StudyUid(1), await bed.ScalarAsync<string>(
            "SELECT study_instance_uid FROM triage.studies WHERE id = @id", ("id", study.StudyId)));
        Assert.Equal(2, study.ImageCount);
        var priorities = await bed.ColumnAsync(
            "SELECT priority FROM triage.triage_results WHERE instance_id IN (@a, @b)", ("a", first), ("b", second));
        var highest = priorities.Select(Enum.Parse<TriagePriority>).Min();
        Assert.Equal(highest, study.Priority);
        Assert.NotNull(await bed.ScalarAsync<DateTime?>("SELECT settled_at FROM triage.studies WHERE id = @id", ("id", study.StudyId)));
        Assert.Equal(1, study.Version);
        Assert.Equal(
            study.StudyId,
            await bed.ScalarAsync<long>("SELECT study_id FROM triage.reports WHERE id = @id", ("id", study.ReportId)));
        Assert.Equal(1L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.reports"));
    }

    private sealed class RecordingSink : ISettledStudySink
    {
        public ConcurrentQueue<SettledStudy> Studies { get; } = new();

        public Task PublishAsync(SettledStudy study, CancellationToken cancellationToken)
        {
            Studies.Enqueue(study);
            return Task.CompletedTask;
        }
    }
}
