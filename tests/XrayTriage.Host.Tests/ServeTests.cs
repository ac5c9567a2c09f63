using System.Net;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

public sealed class ServeTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_MigratedDatabase_ReadyIsHealthyAndStartStopAreAudited()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var httpPort = FreePort.Next();
        await using var serve = StartServe(connectionString, httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        var (status, body) = await WaitForHttpAsync(http, "/health/ready", serve);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        using (var ready = System.Text.Json.JsonDocument.Parse(body))
        {
            var model = ready.RootElement.GetProperty("checks").GetProperty("model");
            Assert.Equal("Healthy", model.GetProperty("status").GetString());
            Assert.Equal("CPU", model.GetProperty("data").GetProperty("provider").GetString());
        }

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("xraytriage_inference_provider{", metrics, StringComparison.Ordinal);
        Assert.Contains("provider=\"CPU\"", metrics, StringComparison.Ordinal);
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await serve.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, serve.ExitCode);
        var events = await ReadApplicationActivityAsync(connectionString);
        Assert.Equal(["ApplicationStart", "ApplicationStop"], events);
    }

    [Fact]
    public async Task Serve_DatabaseWithoutMigrations_ReadyIsUnhealthyNamingMigrate()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var httpPort = FreePort.Next();
        await using var serve = StartServe(connectionString, httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        var (status, body) = await WaitForHttpAsync(http, "/health/ready", serve);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("xraytriage migrate", body, StringComparison.Ordinal);
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Serve_DatabaseDown_KeepsRunningAndReadyReportsUnreachable()
    {
        var closedPort = FreePort.Next();
        var httpPort = FreePort.Next();
        await using var serve = StartServe($"Host=127.0.0.1;Port={closedPort};Database=x;Username=x;Timeout=2", httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        var (status, body) = await WaitForHttpAsync(http, "/health/ready", serve);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("database unreachable", body, StringComparison.Ordinal);
        Assert.False(serve.HasExited);
    }

    private static ChildProcess StartServe(string connectionString, int httpPort) => XrayTriageExecutable.Start(
        [
            "serve", $"--Urls=http://127.0.0.1:{httpPort}", $"--Dicom:Port={FreePort.Next()}",
            $"--Models:Path={XrayTriageExecutable.ModelsPath}",
        ],
        new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = connectionString });

    private static async Task<(HttpStatusCode Status, string Body)> WaitForHttpAsync(HttpClient http, string path, ChildProcess serve)
    {
        var deadline = DateTimeOffset.UtcNow + StartLimit;
        while (true)
        {
            Assert.False(serve.HasExited, $"serve exited early:\n{serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<List<string>> ReadApplicationActivityAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT event_type FROM triage.audit_events WHERE event_id = 'ApplicationActivity' ORDER BY id", connection);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
