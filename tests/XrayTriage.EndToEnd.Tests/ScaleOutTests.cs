using System.Globalization;
using Xunit;
using Xunit.Abstractions;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Two serve processes on one database and one spool folder, each pushed half of 300 images at the same
/// time: every image is triaged once, and both processes' workers claimed some of them.</summary>
public sealed class ScaleOutTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Images = 300;
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_TwoProcessesOneDatabase_TriageEachImageOnceAndShareTheWork()
    {
        var films = ChestFilms.Take(Images);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        try
        {
            await using var a = await ServeProcess.StartAsync(database.ConnectionString, spool, LeaseTimeout);
            await using var b = await ServeProcess.StartAsync(database.ConnectionString, spool, LeaseTimeout);
            var pushes = await Task.WhenAll(
                Storescu.PushAsync(a.DicomPort, films.Take(Images / 2).ToArray(), Limit),
                Storescu.PushAsync(b.DicomPort, films.Skip(Images / 2).ToArray(), Limit));
            Assert.All(pushes, p => Assert.True(p.Process.Succeeded && p.Acknowledged.Count == Images / 2, p.Log));

            await Wait.UntilAsync(
                async () => (await database.StatesAsync()).GetValueOrDefault("Triaged") == Images,
                Limit, async () => $"{await database.DescribeAsync()}\nA:\n{a.Output}\nB:\n{b.Output}");

            Assert.Equal(new Dictionary<string, long> { ["Triaged"] = Images }, await database.StatesAsync());
            Assert.Equal(Images, await database.CountAsync("SELECT count(*) FROM triage.inference_runs"));
            Assert.Equal(Images, await database.CountAsync("SELECT count(DISTINCT instance_id) FROM triage.inference_runs"));
            Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM triage.instances WHERE attempts <> 0"));

            // Worker ids are "{machine}:{pid}:{guid}"; the last claim of a triaged row is kept in claimed_by.
            var byWorker = await database.TriagedByWorkerAsync();
            long ClaimedBy(ServeProcess serve) => byWorker
                .Where(w => w.Key.Contains($":{serve.ProcessId.ToString(CultureInfo.InvariantCulture)}:", StringComparison.Ordinal))
                .Sum(w => w.Value);
            var (byA, byB) = (ClaimedBy(a), ClaimedBy(b));
            output.WriteLine($"triaged by process A: {byA}, by process B: {byB}");
            Assert.True(byA > 0 && byB > 0, $"claims per worker: {string.Join(", ", byWorker.Select(w => $"{w.Key}={w.Value}"))}");
            Assert.Equal(Images, byA + byB);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
