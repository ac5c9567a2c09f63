using Npgsql;
using Xunit;
using Xunit.Abstractions;
using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>C-STORE in, SR out: a study pushed into serve ends up at the PACS (Orthanc) as a TID 1500 SR and one heatmap
/// Secondary Capture per image, in the same study, findable with <c>/tools/find</c>, with the database's probabilities.</summary>
public sealed class ReportToPacsTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Images = 4;
    private const string OwnAeTitle = "XRAYTRIAGE-E2E";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_StudyPushed_PacsHoldsSrAndHeatmapsInTheSameStudyWithTheDatabaseProbabilities()
    {
        var films = ChestFilms.Take(Images);
        var studyUid = DicomFile.Open(films[0].Path).Dataset.GetString(DicomTags.StudyInstanceUID);
        var database = new TriageDatabase(await postgres.CreateMigratedDatabaseAsync());
        var spool = Directory.CreateTempSubdirectory("xraytriage-e2e-spool-").FullName;
        await using var orthanc = await OrthancServer.StartAsync();
        try
        {
            // Pacs:CallingAeTitle unset: reports go out as the service's own AE title (Dicom:AeTitle), bound, not read raw.
            await using var serve = await ServeProcess.StartAsync(database.ConnectionString, spool, ReportServe.LeaseTimeout,
                [.. ReportServe.Settings(("pacs", orthanc.AeTitle, orthanc.DicomPort)), $"--Dicom:AeTitle={OwnAeTitle}"]);
            var push = await Storescu.PushAsync(serve.DicomPort, films, Limit);
            Assert.True(push.Process.Succeeded && push.Acknowledged.Count == Images, push.Log);
            await Wait.UntilAsync(
                async () => (await database.DeliveryStatesAsync("pacs")).GetValueOrDefault("Delivered") == 1,
                Limit, async () => $"{await database.DescribeAsync()}\n{serve.Output}");

            var reports = await orthanc.FindInstancesAsync("SR", studyUid);
            var captures = await orthanc.FindInstancesAsync("OT", studyUid);
            Assert.Single(reports);
            Assert.Equal(Images, captures.Count);
            Assert.Equal(OwnAeTitle, await orthanc.RemoteAeTitleAsync(reports[0]));
            foreach (var capture in captures)
            {
                var tags = await orthanc.TagsAsync(capture);
                Assert.Equal("YES", (string?)tags["BurnedInAnnotation"]);
            }

            var sr = DicomFile.Open(new MemoryStream(await orthanc.FileAsync(reports[0]))).Dataset;
            Assert.Equal(studyUid, sr.GetString(DicomTags.StudyInstanceUID));
            Assert.Equal("UNVERIFIED", sr.GetString(DicomTags.VerificationFlag));
            var certainties = SrContent.Certainties(sr);
            var expected = await EnsembleProbabilitiesAsync(database.ConnectionString);
            Assert.Equal(expected.Keys.Order(), certainties.Keys.Order());
            foreach (var (sop, labels) in expected)
            {
                foreach (var (label, probability) in labels)
                {
                    Assert.InRange(certainties[sop][label], (probability * 100) - 0.0051, (probability * 100) + 0.0051);
                }
            }

            output.WriteLine(
                $"SR and {captures.Count} heatmap images in the study; {certainties.Count} measurement groups match the database");
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static async Task<Dictionary<string, Dictionary<string, double>>> EnsembleProbabilitiesAsync(string connectionString)
    {
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT i.sop_instance_uid, f.label, f.probability
            FROM triage.findings f JOIN triage.inference_runs r ON r.id = f.inference_run_id JOIN triage.instances i ON i.id = r.instance_id
            WHERE f.model = 'ensemble'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var labels = result.TryGetValue(reader.GetString(0), out var existing) ? existing : result[reader.GetString(0)] = [];
            labels[reader.GetString(1)] = reader.GetDouble(2);
        }

        return result;
    }
}
