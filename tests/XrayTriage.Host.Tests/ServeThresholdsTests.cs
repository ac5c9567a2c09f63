using System.Net;
using System.Text.Json;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>Triage:ThresholdsPath</c>: refused for another model, shown by readiness and audited when it changes.</summary>
public sealed class ServeThresholdsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Serve_ThresholdsFileForAnotherModelVersion_RefusesNamingTheKeyAndBothVersions()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-thresholds-").FullName;
        try
        {
            var other = await CalibrateTests.WriteThresholdsAsync(Path.Combine(folder, "other.json"), 0.5, version: "0.0.1-other");

            var result = await XrayTriageExecutable.RunAsync(
                ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
                 $"--Models:Path={XrayTriageExecutable.ModelsPath}", $"--Triage:ThresholdsPath={other}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=x;Username=x" },
                StartLimit);

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("xraytriage: invalid configuration: Triage:ThresholdsPath: ", line, StringComparison.Ordinal);
            Assert.Contains("0.0.1-other", line, StringComparison.Ordinal);
            Assert.Contains(ShippedVersion(), line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_UnreadableThresholdsFile_RefusesNamingTheKey()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
             $"--Models:Path={XrayTriageExecutable.ModelsPath}", "--Triage:ThresholdsPath=/nonexistent/site.json"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=x;Username=x" },
            StartLimit);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Triage:ThresholdsPath: thresholds file /nonexistent/site.json cannot be read",
            result.StandardError,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SiteThresholdsAfterShipped_ReadyShowsSiteCalibratedAndTheChangeIsAudited()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("xraytriage-thresholds-").FullName;
        try
        {
            var site = await CalibrateTests.WriteThresholdsAsync(Path.Combine(folder, "site.json"), 0.5);
            var shippedReady = await RunOnceAsync(connectionString, null, starts: 1, changes: 0);
            Assert.Equal("shipped", shippedReady.GetProperty("operatingPoint").GetString());

            var siteReady = await RunOnceAsync(connectionString, site, starts: 2, changes: 1);

            Assert.Equal("site-calibrated", siteReady.GetProperty("operatingPoint").GetString());
            Assert.Equal("2026-12-07T01:30:00.0000000+00:00", siteReady.GetProperty("operatingPointCalibratedAt").GetString());
            Assert.Equal("sensitivity>=0.95", siteReady.GetProperty("operatingPointTarget").GetString());
            var changes = await ReadAsync(connectionString, "SecurityAlert", "SoftwareConfiguration");
            var change = Assert.Single(changes);
            Assert.Contains("from shipped", change, StringComparison.Ordinal);
            Assert.Contains("to site-calibrated 2026-12-07 by tester", change, StringComparison.Ordinal);
            var starts = await ReadAsync(connectionString, "ApplicationActivity", "ApplicationStart");
            Assert.Contains("operating point site-calibrated 2026-12-07", starts[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ShippedVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(XrayTriageExecutable.ModelsPath, "ensemble.json")));
        return manifest.RootElement.GetProperty("version").GetString()!;
    }

    /// <summary>Starts serve, reads the model check's data from /health/ready, waits for its Application Start row (the
    /// web server answers before the start is audited) and for the operating-point change rows it expects (written right
    /// after the start row), then stops it.</summary>
    private static async Task<JsonElement> RunOnceAsync(string connectionString, string? thresholdsPath, int starts, int changes)
    {
        var httpPort = FreePort.Next();
        await using var serve = XrayTriageExecutable.Start(
            ["serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={FreePort.Next()}",
             $"--Models:Path={XrayTriageExecutable.ModelsPath}", $"--Triage:ThresholdsPath={thresholdsPath}"],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        var deadline = DateTimeOffset.UtcNow + StartLimit;
        string body;
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                body = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        // Its own limit: on a loaded machine the first EF Core query after start-up alone can take many seconds.
        var audited = DateTimeOffset.UtcNow + StartLimit;
        while ((await ReadAsync(connectionString, "ApplicationActivity", "ApplicationStart")).Count < starts)
        {
            Assert.True(DateTimeOffset.UtcNow < audited, $"no Application Start row:\n{serve.Output}");
            await Task.Delay(200);
        }

        while ((await ReadAsync(connectionString, "SecurityAlert", "SoftwareConfiguration")).Count < changes)
        {
            Assert.True(DateTimeOffset.UtcNow < audited, $"no Software Configuration row:\n{serve.Output}");
            await Task.Delay(200);
        }

        await serve.StopAsync(TimeSpan.FromSeconds(30));
        using var ready = JsonDocument.Parse(body);
        return ready.RootElement.GetProperty("checks").GetProperty("model").GetProperty("data").Clone();
    }

    private static async Task<List<string>> ReadAsync(string connectionString, string eventId, string eventType)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT detail FROM triage.audit_events WHERE event_id = @id AND event_type = @type ORDER BY id", connection);
        command.Parameters.AddWithValue("id", eventId);
        command.Parameters.AddWithValue("type", eventType);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
