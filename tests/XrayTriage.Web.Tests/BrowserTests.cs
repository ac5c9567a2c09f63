using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>Issue 9's proof in a real browser: sign in, a study pushed with dcmsend shows at the top when urgent, its
/// page shows the film and toggles the heatmap, the admin sees the access event, the radiologist is refused the audit
/// page, signed-out visitors are sent to the login page. Screenshots go to docs/screenshots/.</summary>
[Collection(SharedWebServer.Name)]
public sealed partial class BrowserTests(WebServer server)
{
    private static string Screenshots => Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "screenshots");

    [Fact]
    public async Task Worklist_UrgentStudyPushed_AppearsAtTopAndStudyPageTogglesHeatmap()
    {
        await using var browser = await BrowserSession.StartAsync(server);
        var page = browser.Page;
        await browser.SignInAsync(TestUsers.Radiologist);
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);

        // An earlier, not-assessable study is waiting when the urgent one arrives.
        var earlier = await Samples.FreshCopyAsync(Samples.NotAssessable);
        await server.PushAsync(earlier);
        var waiting = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(earlier));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#worklist tbody tr[data-study-id='{waiting}']")).ToBeVisibleAsync();

        // Pushed while the page is open: the refresh puts it at the top within seconds, no reload. "Top" is the urgent
        // block: other tests' urgent studies (waiting longer) may stand above it, never a less urgent one.
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        var pushedAt = DateTimeOffset.UtcNow;
        await server.PushAsync(film);
        var urgent = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        var first = page.Locator($"#worklist tbody tr[data-study-id='{urgent}']");
        // The row may first show as pending (ingested, not yet triaged) and turns urgent on a later refresh.
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("urgent", new() { Timeout = 10_000 });
        Assert.True(DateTimeOffset.UtcNow - pushedAt < TimeSpan.FromSeconds(20), "the urgent study took too long to show");
        var order = await page.Locator("#worklist tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => r.dataset.studyId + ':' + r.querySelector('.badge').textContent)");
        var position = Array.IndexOf(order, $"{urgent}:urgent");
        Assert.True(position >= 0, string.Join(", ", order));
        Assert.All(order[..position], row => Assert.EndsWith(":urgent", row, StringComparison.Ordinal));
        Assert.True(
            position < Array.FindIndex(order, row => row.StartsWith($"{waiting}:", StringComparison.Ordinal)),
            string.Join(", ", order));
        await Assertions.Expect(first).ToContainTextAsync("lung_opacity");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "worklist.png") });

        await first.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/studies/{urgent}");
        await Assertions.Expect(page.Locator(".model-version").First).ToHaveTextAsync(ModelVersion());
        await Assertions.Expect(page.Locator("table.probabilities tr.member")).ToHaveCountAsync(2);
        var image = page.Locator(".film img.base").First;
        await Assertions.Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('.film img.base'); return i && i.complete && i.naturalWidth > 0; }");

        var overlay = page.Locator(".film img.overlay").First;
        await Assertions.Expect(overlay).ToBeHiddenAsync();
        await page.GetByLabel(HeatmapLabel()).First.CheckAsync();
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('.film img.overlay'); return i && i.complete && i.naturalWidth > 0; }");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "study.png"), FullPage = false });
        await page.GetByLabel(HeatmapLabel()).First.UncheckAsync();
        await Assertions.Expect(overlay).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AuditPage_AfterRadiologistViewedStudy_AdminSeesAccessEvent()
    {
        await server.PushAsync(Samples.Urgent);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(Samples.Urgent));
        await using (var radiologist = await BrowserSession.StartAsync(server))
        {
            await radiologist.SignInAsync(TestUsers.Radiologist);
            await radiologist.Page.GotoAsync($"/studies/{study}");
            await Assertions.Expect(radiologist.Page.Locator("h1")).ToBeVisibleAsync();
        }

        await using var admin = await BrowserSession.StartAsync(server);
        await admin.SignInAsync(TestUsers.Admin);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await admin.Page.GetByLabel("Event").SelectOptionAsync("DicomInstancesAccessed");
        await admin.Page.GetByLabel("Actor").FillAsync(TestUsers.Radiologist);
        await admin.Page.GetByLabel("Subject contains").FillAsync($"study {study} ");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = admin.Page.Locator("#audit tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("DicomInstancesAccessed");
        await Assertions.Expect(row).ToContainTextAsync(TestUsers.Radiologist);
        await Assertions.Expect(row).ToContainTextAsync($"study {study} ");
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit.png") });

        var download = await admin.Page.RunAndWaitForDownloadAsync(
            () => admin.Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("id,occurred_at,event_id", csv, StringComparison.Ordinal);
        Assert.Contains($"study {study} ", csv, StringComparison.Ordinal);
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'AuditLogUsed' AND actor = @a AND detail LIKE 'exported%'",
            ("a", TestUsers.Admin)) >= 1);
    }

    [Fact]
    public async Task AuditPage_Radiologist_IsRefused()
    {
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
        var response = await browser.Page.GotoAsync("/audit");
        Assert.Equal(403, response!.Status);
        Assert.Contains("/account/denied", browser.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(browser.Page.Locator("#audit")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/audit")]
    [InlineData("/studies/1")]
    [InlineData("/upload")]
    public async Task Page_SignedOut_RedirectsToLogin(string path)
    {
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.Page.GotoAsync(path);
        Assert.Contains("/account/login", browser.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(browser.Page.GetByLabel("User name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Login_WrongPassword_IsRefusedAndAudited()
    {
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.Page.GotoAsync("/account/login");
        await browser.Page.GetByLabel("User name").FillAsync(TestUsers.Admin);
        await browser.Page.GetByLabel("Password").FillAsync("Not-The-Password-1");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("#login-error")).ToBeVisibleAsync();
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'UserAuthentication' AND outcome = 'MinorFailure' AND actor = @a",
            ("a", TestUsers.Admin)) >= 1);
    }

    [Fact]
    public async Task StudyPage_RadiologistRaisesPriority_StudyMovesUpAndTriageCannotLowerIt()
    {
        var film = await Samples.FreshCopyAsync(Samples.NotAssessable);
        await server.PushAsync(film);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        await browser.Page.GotoAsync($"/studies/{study}");
        await browser.Page.GetByLabel("Raise priority to").SelectOptionAsync("urgent");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Raise" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("#priority-message")).ToContainTextAsync("raised to urgent");
        await Assertions.Expect(browser.Page.Locator("#study-priority")).ToHaveTextAsync("urgent");
        await Assertions.Expect(browser.Page.Locator("#human-priority")).ToHaveTextAsync("urgent");

        // What a later triage of the study writes (its own column) leaves the human priority and the worklist rank alone.
        await server.ExecuteAsync("UPDATE triage.studies SET triage_priority = 'Routine' WHERE id = @id", ("id", study));
        Assert.Equal("Urgent", await server.ScalarAsync<string>("SELECT human_priority FROM triage.studies WHERE id = @id", ("id", study)));
        Assert.Equal((short)3, await server.ScalarAsync<short>("SELECT worklist_rank FROM triage.studies WHERE id = @id", ("id", study)));
        await browser.Page.GotoAsync($"/?priority=urgent");
        await Assertions.Expect(browser.Page.Locator($"#worklist tbody tr[data-study-id='{study}'] .badge")).ToHaveTextAsync("urgent");
        Assert.True(await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE actor = @a AND detail LIKE 'priority raised%' AND subject LIKE @s",
            ("a", TestUsers.Radiologist), ("s", $"study {study} %")) == 1);
    }

    [Fact]
    public async Task SignOut_Button_EndsTheSessionAndIsAudited()
    {
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Admin);
        var before = await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'UserAuthentication' AND event_type = 'Logout' AND actor = @a",
            ("a", TestUsers.Admin));
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Signed out");
        var response = await browser.Page.GotoAsync("/");
        Assert.Contains("/account/login", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal(200, response!.Status);
        Assert.Equal(before + 1, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'UserAuthentication' AND event_type = 'Logout' AND actor = @a",
            ("a", TestUsers.Admin)));
    }

    [Fact]
    public async Task StudyPage_SpoolFilePurged_SaysImageNoLongerInSpoolAndKeepsResults()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        await server.PushAsync(film);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        var spoolFile = await server.ScalarAsync<string>("SELECT spool_path FROM triage.instances WHERE study_id = @id", ("id", study));
        File.Delete(spoolFile!);

        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        await browser.Page.GotoAsync($"/studies/{study}");
        await Assertions.Expect(browser.Page.Locator(".notice")).ToContainTextAsync("Image no longer in spool");
        await Assertions.Expect(browser.Page.Locator("table.probabilities tr.ensemble")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator(".film img")).ToHaveCountAsync(0);
    }

    private static Regex ModelVersion() => ModelVersionPattern();

    private static Regex HeatmapLabel() => HeatmapLabelPattern();

    [GeneratedRegex(@"^xraytriage-cxr \d+\.\d+\.\d+$")]
    private static partial Regex ModelVersionPattern();

    [GeneratedRegex("Show heatmap")]
    private static partial Regex HeatmapLabelPattern();
}
