using Xunit;
using Xunit.Abstractions;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Reliable delivery to real PACS (Orthanc): an outage of a minute with a service restart in the middle loses
/// and duplicates nothing; a destination that refuses our AE title fails visibly while another receives everything.</summary>
public sealed class ReportDeliveryTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int ImagesPerStudy = 4;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_PacsDownSixtySecondsAndServiceRestarted_EveryReportArrivesOnceAfterwards()
    {
        const int Studies = 20;
        var films = ChestFilms.Take(Studies * ImagesPerStudy);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        await using var orthanc = await OrthancServer.StartAsync();
        var settings = ReportServe.Settings(("pacs", orthanc.AeTitle, orthanc.DicomPort)).ToArray();
        try
        {
            await orthanc.StopAsync();
            var outage = System.Diagnostics.Stopwatch.StartNew();
            await using (var serve = await ServeProcess.StartAsync(database.ConnectionString, spool, ReportServe.LeaseTimeout, settings))
            {
                var push = await Storescu.PushAsync(serve.DicomPort, films, Limit);
                Assert.True(push.Process.Succeeded && push.Acknowledged.Count == films.Count, push.Log);
                await Wait.UntilAsync(
                    async () => await database.CountAsync("SELECT count(*) FROM triage.report_deliveries") == Studies,
                    Limit, async () => $"{await database.DescribeAsync()}\n{serve.Output}");
                await serve.StopAsync();
            }

            Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM triage.report_deliveries WHERE state = 'Delivered'"));
            output.WriteLine(
                "20 reports queued while the PACS was down; attempts so far: " +
                $"{await database.CountAsync("SELECT coalesce(sum(attempts), 0) FROM triage.report_deliveries")}");

            await using var restarted = await ServeProcess.StartAsync(database.ConnectionString, spool, ReportServe.LeaseTimeout, settings);
            var remaining = TimeSpan.FromSeconds(60) - outage.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining);
            }

            await orthanc.RestartAsync();
            output.WriteLine($"PACS back after {outage.Elapsed.TotalSeconds:F0} s");
            await Wait.UntilAsync(
                async () => (await database.DeliveryStatesAsync("pacs")).GetValueOrDefault("Delivered") == Studies,
                Limit, async () => $"{string.Join(", ", await database.DeliveryStatesAsync("pacs"))}\n{restarted.Output}");

            var reports = await orthanc.FindInstancesAsync("SR");
            var captures = await orthanc.FindInstancesAsync("OT");
            var all = await orthanc.AllInstancesAsync();
            output.WriteLine($"Orthanc holds {reports.Count} SR, {captures.Count} heatmap images, {all.Count} instances in all");
            Assert.Equal(Studies, reports.Count);
            Assert.Equal(films.Count, captures.Count);
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(Studies, await database.CountAsync("SELECT count(*) FROM triage.reports"));
            Assert.Equal(Studies, await database.CountAsync("SELECT count(DISTINCT sr_uuid) FROM triage.reports"));
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_DestinationRejectsOurAeTitle_FailsWithReasonWhileOtherDestinationGetsEverything()
    {
        const int Studies = 2;
        var films = ChestFilms.Take(Studies * ImagesPerStudy);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        await using var orthanc = await OrthancServer.StartAsync();
        var settings = ReportServe.Settings(
            ("pacs", orthanc.AeTitle, orthanc.DicomPort), ("misconfigured", "NOT_ORTHANC", orthanc.DicomPort));
        try
        {
            await using var serve = await ServeProcess.StartAsync(database.ConnectionString, spool, ReportServe.LeaseTimeout, settings);
            var push = await Storescu.PushAsync(serve.DicomPort, films, Limit);
            Assert.True(push.Process.Succeeded, push.Log);
            await Wait.UntilAsync(
                async () => (await database.DeliveryStatesAsync("pacs")).GetValueOrDefault("Delivered") == Studies
                            && (await database.DeliveryStatesAsync("misconfigured")).GetValueOrDefault("Failed") == Studies,
                Limit,
                async () => $"pacs: {string.Join(", ", await database.DeliveryStatesAsync("pacs"))}; " +
                            $"misconfigured: {string.Join(", ", await database.DeliveryStatesAsync("misconfigured"))}\n{serve.Output}");

            var errors = await database.DeliveryErrorsAsync("misconfigured", "Failed");
            output.WriteLine($"failure recorded: {string.Join(" | ", errors)}");
            Assert.All(errors, e => Assert.Contains("rejected", e, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(1, await database.CountAsync(
                "SELECT max(attempts) FROM triage.report_deliveries WHERE destination = 'misconfigured'"));
            Assert.Equal(Studies, await database.CountAsync(
                "SELECT count(*) FROM triage.audit_events WHERE subject = 'misconfigured' AND outcome <> 'Success'"));
            Assert.Equal(Studies, (await orthanc.FindInstancesAsync("SR")).Count);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
