using System.Globalization;
using System.Net;
using System.Text.Json;

namespace XrayTriage.Web.Tests;

/// <summary>Every API endpoint: no session → 401 (not a login page), a signed-in user without the role → 403, the
/// right role → 200. Health and metrics stay anonymous for probes.</summary>
[Collection(SharedWebServer.Name)]
public sealed class ApiAuthorizationTests(WebServer server) : IAsyncLifetime
{
    private long _study;
    private long _instance;

    public async Task InitializeAsync()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        await server.PushAsync(film);
        _study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        _instance = await server.ScalarAsync<long>("SELECT min(id) FROM triage.instances WHERE study_id = @id", ("id", _study));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string[] ReaderEndpoints() =>
    [
        "/api/studies",
        "/api/studies?priority=urgent&status=settled&modality=CR&take=5",
        $"/api/studies/{_study}",
        $"/api/studies/{_study}/instances/{_instance}/image",
        $"/api/studies/{_study}/instances/{_instance}/image?heatmap=true",
    ];

    private static readonly string[] AdminEndpoints =
        ["/api/audit", "/api/audit?event=DicomInstancesAccessed&take=10", "/api/audit/export.csv"];

    [Fact]
    public async Task Api_NoSession_Is401()
    {
        using var client = ApiClient.Anonymous(server.BaseAddress);
        foreach (var path in ReaderEndpoints().Concat(AdminEndpoints))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Api_SignedInWithoutRole_Is403()
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.NoRole);
        foreach (var path in ReaderEndpoints().Concat(AdminEndpoints))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Api_Radiologist_ReadsStudiesButNotAudit()
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);
        foreach (var path in ReaderEndpoints())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        foreach (var path in AdminEndpoints)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Api_Admin_ReadsEverything()
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Admin);
        foreach (var path in ReaderEndpoints().Concat(AdminEndpoints))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task StudyApi_Read_IsAuditedWithUserAndStudyButNoPatientData()
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/studies/{_study}", UriKind.Relative)));
        var study = json.RootElement.GetProperty("study");
        Assert.Equal(_study, study.GetProperty("id").GetInt64());
        Assert.Equal("urgent", study.GetProperty("priority").GetString());
        var run = json.RootElement.GetProperty("instances")[0].GetProperty("run");
        Assert.Equal(3, run.GetProperty("models").GetArrayLength());
        Assert.True(run.GetProperty("hasHeatmap").GetBoolean());

        var uid = await server.ScalarAsync<string>("SELECT study_instance_uid FROM triage.studies WHERE id = @id", ("id", _study));
        var patient = await server.ScalarAsync<string>("SELECT patient_name FROM triage.studies WHERE id = @id", ("id", _study));
        var detail = await server.ScalarAsync<string>(
            "SELECT detail FROM triage.audit_events WHERE event_id = 'DicomInstancesAccessed' AND actor = @a AND subject = @s " +
            "ORDER BY id DESC LIMIT 1",
            ("a", TestUsers.Radiologist), ("s", $"study {_study.ToString(CultureInfo.InvariantCulture)} {uid}"));
        Assert.NotNull(detail);
        Assert.DoesNotContain(patient!, detail, StringComparison.Ordinal);

        // The admin views and the README's example queries see the same access.
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.v_study_access WHERE study_instance_uid = @uid AND user_name = @u",
            ("uid", uid!),
            ("u", TestUsers.Radiologist)) >= 1);
        Assert.True(await server.ScalarAsync<long>(
            """
            SELECT count(*) FROM triage.v_study_triage
            WHERE (triage_priority = 'Urgent' OR human_priority = 'Urgent') AND acknowledged_at IS NULL
              AND first_received_at > now() - interval '24 hours' AND study_id = @id
            """, ("id", _study)) == 1);
    }

    [Fact]
    public async Task Api_BadFilter_Is400()
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Admin);
        using var studies = await client.GetAsync(new Uri("/api/studies?priority=whenever", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, studies.StatusCode);
        using var audit = await client.GetAsync(new Uri("/api/audit?event=Nonsense", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, audit.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task Probes_NoSession_StayAnonymous(string path)
    {
        using var client = ApiClient.Anonymous(server.BaseAddress);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_AnyResponse_CarriesSecurityHeaders()
    {
        using var client = ApiClient.Anonymous(server.BaseAddress);
        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }
}
