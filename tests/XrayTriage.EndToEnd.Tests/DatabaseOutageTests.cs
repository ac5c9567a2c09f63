using System.Net;
using Xunit;
using Xunit.Abstractions;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>
/// PostgreSQL stopped during a push and started again: serve reports unready while it is away and ready after, it
/// refuses (A700) what it cannot record instead of acknowledging it, and every acknowledged image — plus the refused
/// ones once the modality sends them again — is triaged exactly once.
/// </summary>
public sealed class DatabaseOutageTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Images = 300;
    private const int StopAfterRows = 20;
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_DatabaseRestartedDuringPush_UnreadyThenRecoversAndLosesNothingAcknowledged()
    {
        var films = ChestFilms.Take(Images);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var outage = await PostgresOutage.PrepareAsync(postgres.Server);
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        try
        {
            await using var serve = await ServeProcess.StartAsync(database.ConnectionString, spool, LeaseTimeout);
            var push = Storescu.PushAsync(serve.DicomPort, films, Limit);
            await Wait.UntilAsync(
                async () => await database.CountAsync("SELECT count(*) FROM triage.instances") >= StopAfterRows,
                Limit, () => Task.FromResult($"fewer than {StopAfterRows} instances recorded:\n{serve.Output}"),
                () => push.IsCompleted ? "storescu finished before the database stopped" : null);

            HttpStatusCode? whileDown;
            try
            {
                await outage.StopAsync();
                await Wait.UntilAsync(async () => await serve.ReadyStatusAsync() == HttpStatusCode.ServiceUnavailable,
                    TimeSpan.FromSeconds(60), () => Task.FromResult($"still ready with the database stopped:\n{serve.Output}"));
                whileDown = await serve.ReadyStatusAsync();

                // The push meets the outage: A700, and storescu stops there.
                await push;
            }
            finally
            {
                await outage.StartAsync();
            }

            var first = await push;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown);
            await Wait.UntilAsync(async () => await serve.ReadyStatusAsync() == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90), () => Task.FromResult($"not ready again after the database came back:\n{serve.Output}"));

            var recorded = await database.SopInstanceUidsAsync();
            var notAcknowledged = films.Except(first.Acknowledged).ToArray();
            output.WriteLine($"first push: {first.Acknowledged.Count} acknowledged, {first.Refused.Count} refused " +
                $"({string.Join(", ", first.Refused.Select(r => r.Status).Distinct())}), {notAcknowledged.Length} to send again");
            Assert.InRange(first.Acknowledged.Count, StopAfterRows - 1, Images - 1);
            Assert.All(first.Acknowledged, f => Assert.Contains(f.SopInstanceUid, recorded));
            // storescu gives up at the first refusal; the rest of its files were never sent.
            var refused = Assert.Single(first.Refused);
            Assert.Contains("Refused: OutOfResources", refused.Status, StringComparison.Ordinal);
            Assert.All(first.Refused, r => Assert.DoesNotContain(r.Film.SopInstanceUid, recorded));

            // The modality sends again what it did not see acknowledged.
            var second = await Storescu.PushAsync(serve.DicomPort, notAcknowledged, Limit);
            Assert.True(second.Process.Succeeded && second.Acknowledged.Count == notAcknowledged.Length, second.Log);

            await Wait.UntilAsync(
                async () => (await database.StatesAsync()).GetValueOrDefault("Triaged") == Images,
                Limit, async () => $"{await database.DescribeAsync()}\n{serve.Output}");
            Assert.Equal(new Dictionary<string, long> { ["Triaged"] = Images }, await database.StatesAsync());
            Assert.Equal(Images, await database.CountAsync("SELECT count(*) FROM triage.inference_runs"));
            Assert.Equal(Images, await database.CountAsync("SELECT count(DISTINCT instance_id) FROM triage.inference_runs"));
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
