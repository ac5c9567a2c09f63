using System.Globalization;
using System.Net;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>serve's ingest observability: the XrayTriage.Ingest series on /metrics after a real dcmsend, the
/// Application Start row carrying the effective non-secret configuration, and one audit row per association.</summary>
public sealed class IngestObservabilityTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Serve_AfterDcmsend_MetricsHaveIngestSeriesAndStartRowNamesConfiguration()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var spool = Directory.CreateTempSubdirectory("xraytriage-spool-").FullName;
        var (httpPort, dicomPort) = (FreePort.Next(), FreePort.Next());
        var file = Path.Combine(RepositoryPaths.DicomSamples, "chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");
        try
        {
            await using var serve = XrayTriageExecutable.Start(
                ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={dicomPort}", $"--Dicom:SpoolPath={spool}",
                 "--Dicom:MinFreeDiskBytes=1", "--Dicom:AllowedCallingAeTitles:0=MODALITY",
                 $"--Models:Path={XrayTriageExecutable.ModelsPath}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            await WaitReadyAsync(http, serve);

            var send = await PeerTools.RunAsync("dcmsend",
                [
                    "-aet", "MODALITY", "-aec", "XRAYTRIAGE", "--decompress-never", "127.0.0.1",
                    dicomPort.ToString(CultureInfo.InvariantCulture), file,
                ],
                TimeSpan.FromMinutes(1));
            send.EnsureSuccess("dcmsend");
            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

            Assert.Matches(@"(?m)^xraytriage_ingest_instances_received_total\{[^}]*\} 1$", metrics);
            Assert.Matches(@"(?m)^xraytriage_ingest_instances_skipped_total\{[^}]*reason=""SecondaryCaptureDisabled""[^}]*\} 1$", metrics);
            Assert.Matches(@"(?m)^xraytriage_ingest_associations_accepted_total\{[^}]*\} 1$", metrics);
            Assert.Matches(@"(?m)^xraytriage_ingest_store_duration_seconds_count\{[^}]*status=""0x0000""[^}]*\} 1$", metrics);
            Assert.Matches(@"(?m)^xraytriage_ingest_store_duration_seconds_bucket\{[^}]*le=""0.5""[^}]*\} 1$", metrics);
            Assert.Matches(@"(?m)^xraytriage_ingest_spool_free_bytes\{[^}]*\} [1-9]\d*$", metrics);

            await serve.StopAsync(TimeSpan.FromSeconds(30));
            var start = Assert.Single(await ReadAsync(connectionString,
                "SELECT detail FROM triage.audit_events WHERE event_id = 'ApplicationActivity' AND event_type = 'ApplicationStart'"));
            Assert.Contains("configuration loaded: AE XRAYTRIAGE", start, StringComparison.Ordinal);
            Assert.Contains($"DICOM 127.0.0.1:{dicomPort}", start, StringComparison.Ordinal);
            Assert.Contains("TLS off", start, StringComparison.Ordinal);
            Assert.Contains("allow-list 1 AE title(s), 0 pinned peer(s)", start, StringComparison.Ordinal);
            Assert.Contains($"spool {spool} ", start, StringComparison.Ordinal);
            Assert.Matches(@"model xraytriage-cxr \d+\.\d+\.\d+ on CPU", start);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Assert.DoesNotContain(builder.Database!, start, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", start, StringComparison.OrdinalIgnoreCase);
            var accepted = Assert.Single(await ReadAsync(connectionString,
                "SELECT detail FROM triage.audit_events WHERE event_id = 'SecurityAlert' AND event_type = 'NodeAuthentication' " +
                "AND outcome = 'Success' AND actor = 'MODALITY'"));
            Assert.StartsWith("association accepted from 127.0.0.1:", accepted, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, ChildProcess serve)
    {
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

    private static async Task<List<string>> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
