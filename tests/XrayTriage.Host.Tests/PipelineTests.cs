using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>serve end to end: DCMTK dcmsend pushes the chest samples to the running service; ingest spools and records
/// them, the triage workers classify the eligible ones, and the findings in PostgreSQL equal <c>xraytriage classify</c>
/// on the same files.</summary>
public sealed class PipelineTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string AeTitle = "XRAYTRIAGE";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Serve_ChestFilmsPushedWithDcmsend_AreTriagedAndMatchClassify()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var spool = Directory.CreateTempSubdirectory("xraytriage-spool-").FullName;
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.DicomSamples, "chest")).Order(StringComparer.Ordinal).ToArray();
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
            await WaitReadyAsync(httpPort, serve);

            var send = await PeerTools.RunAsync("dcmsend",
                [
                    "-aet", "MODALITY", "-aec", AeTitle, "--decompress-never", "+f", "127.0.0.1",
                    dicomPort.ToString(CultureInfo.InvariantCulture), .. files,
                ],
                TimeSpan.FromMinutes(2));
            send.EnsureSuccess("dcmsend");

            var states = await WaitForAsync(
                connectionString,
                rows => rows.Count == files.Length && rows.All(r => r.State is "Triaged" or "Skipped"));
            Assert.Equal(4, states.Count(r => r.State == "Triaged"));
            Assert.All(
                states.Where(r => r.State == "Skipped"),
                r => Assert.StartsWith("SecondaryCaptureDisabled", r.SkipReason, StringComparison.Ordinal));

            var classify = await XrayTriageExecutable.RunAsync(
                ["classify", "--json", .. files, $"--Models:Path={XrayTriageExecutable.ModelsPath}"]);
            Assert.Equal(0, classify.ExitCode);
            using var expected = JsonDocument.Parse(classify.StandardOutput);
            var stored = await ReadEnsembleProbabilitiesAsync(connectionString);
            foreach (var result in expected.RootElement.GetProperty("results").EnumerateArray())
            {
                if (!result.TryGetProperty("probabilities", out var probabilities))
                {
                    continue;
                }

                var uid = await SopInstanceUidAsync(result.GetProperty("file").GetString()!);
                foreach (var p in probabilities.EnumerateObject())
                {
                    // classify --json rounds to 6 decimals
                    Assert.InRange(Math.Abs(p.Value.GetDouble() - stored[(uid, p.Name)]), 0, 2e-6);
                }
            }
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static async Task WaitReadyAsync(int httpPort, ChildProcess serve)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"serve not ready:\n{serve.Output}");
            await Task.Delay(250);
        }
    }

    private static async Task<List<(string Uid, string State, string? SkipReason)>> WaitForAsync(
        string connectionString, Func<List<(string Uid, string State, string? SkipReason)>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (true)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT sop_instance_uid, state, skip_reason FROM triage.instances", connection);
            var rows = new List<(string, string, string?)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            if (done(rows) || DateTimeOffset.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<Dictionary<(string Uid, string Label), double>> ReadEnsembleProbabilitiesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT i.sop_instance_uid, f.label, f.probability
            FROM triage.findings f JOIN triage.inference_runs r ON r.id = f.inference_run_id JOIN triage.instances i ON i.id = r.instance_id
            WHERE f.model = 'ensemble'
            """, connection);
        var result = new Dictionary<(string, string), double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[(reader.GetString(0), reader.GetString(1))] = reader.GetDouble(2);
        }

        return result;
    }

    private static async Task<string> SopInstanceUidAsync(string file)
    {
        var dump = await XrayTriageExecutable.RunAsync(["dump", "--json", "--header-only", file]);
        using var json = JsonDocument.Parse(dump.StandardOutput);
        return json.RootElement.GetProperty("00080018").GetProperty("Value")[0].GetString()!;
    }
}
