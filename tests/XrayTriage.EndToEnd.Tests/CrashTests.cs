using Xunit;
using Xunit.Abstractions;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>kill -9 of serve in the middle of a 200-image push: nothing the modality saw acknowledged is lost, and after
/// a restart and a re-push of the same files every image is triaged exactly once.</summary>
public sealed class CrashTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Images = 200;
    private const int KillAfterRows = 40;
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_KilledMidPushThenRestartedAndRepushed_KeepsAcknowledgedAndTriagesEachOnce()
    {
        var films = ChestFilms.Take(Images);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        try
        {
            PushResult first;
            await using (var serve = await ServeProcess.StartAsync(database.ConnectionString, spool, LeaseTimeout))
            {
                var push = Storescu.PushAsync(serve.DicomPort, films, Limit);
                await Wait.UntilAsync(
                    async () => await database.CountAsync("SELECT count(*) FROM triage.instances") >= KillAfterRows,
                    Limit, () => Task.FromResult($"fewer than {KillAfterRows} instances recorded:\n{serve.Output}"),
                    () => push.IsCompleted ? "storescu finished before the kill" : null);
                await serve.KillAsync();
                first = await push;
            }

            // The modality's view at the moment of the crash: acknowledged means recorded.
            var recorded = await database.SopInstanceUidsAsync();
            // One association answers one C-STORE at a time, so the 40th row means the 39th response was read.
            Assert.InRange(first.Acknowledged.Count, KillAfterRows - 1, Images - 1);
            output.WriteLine($"killed after {first.Acknowledged.Count} acknowledged; {await database.DescribeAsync()}");
            Assert.All(first.Acknowledged, f => Assert.Contains(f.SopInstanceUid, recorded));

            await using (var restarted = await ServeProcess.StartAsync(database.ConnectionString, spool, LeaseTimeout))
            {
                var second = await Storescu.PushAsync(restarted.DicomPort, films, Limit);
                Assert.True(second.Process.Succeeded, second.Log);
                Assert.Equal(Images, second.Acknowledged.Count);

                await Wait.UntilAsync(
                    async () => (await database.StatesAsync()).GetValueOrDefault("Triaged") == Images,
                    Limit, async () => $"{await database.DescribeAsync()}\n{restarted.Output}");
            }

            output.WriteLine($"after restart: {await database.CountAsync("SELECT count(*) FROM triage.instances WHERE attempts > 0")} " +
                "instances needed a second attempt (claims of the killed process taken over after the lease)");
            Assert.Equal(new Dictionary<string, long> { ["Triaged"] = Images }, await database.StatesAsync());
            Assert.Equal(Images, await database.CountAsync("SELECT count(*) FROM triage.inference_runs"));
            Assert.Equal(Images, await database.CountAsync("SELECT count(DISTINCT instance_id) FROM triage.inference_runs"));
            Assert.True(films.Select(f => f.SopInstanceUid).ToHashSet().SetEquals(await database.SopInstanceUidsAsync()));
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
