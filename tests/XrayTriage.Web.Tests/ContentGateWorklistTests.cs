using Microsoft.Playwright;

namespace XrayTriage.Web.Tests;

/// <summary>A content-gate refusal as the worker records it (reason, score, threshold on the triage result) shown on
/// the worklist row and on the study page. The shared server runs the shipped models, which have no gate yet, so the
/// refusal is written into the triaged study's result as the worker's CompleteSql would write it.</summary>
[Collection(SharedWebServer.Name)]
public sealed class ContentGateWorklistTests(WebServer server)
{
    [Fact]
    public async Task Worklist_StudyRefusedByContentGate_RowAndStudyPageShowTheReason()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        await server.PushAsync(film);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        await WaitForResultAsync(study);
        await server.ExecuteAsync("""
            UPDATE triage.triage_results tr SET priority = 'NotAssessable', findings_over_threshold = '{}',
                not_assessable_reason = 'NotChestRadiograph', content_gate_score = 2311.44, content_gate_threshold = 1630.2
            FROM triage.instances i WHERE i.id = tr.instance_id AND i.study_id = @study
            """, ("study", study));

        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        var page = browser.Page;
        await page.GotoAsync("/");
        var row = page.Locator($"#worklist tbody tr[data-study-id='{study}'] .not-assessable-reason");
        await Assertions.Expect(row).ToHaveTextAsync("not assessable: not a chest radiograph");
        await page.GotoAsync($"/studies/{study}");
        await Assertions.Expect(page.Locator(".not-assessable-reason").First)
            .ToContainTextAsync(
                "Not assessable: not a chest radiograph (content gate score 2311.4 > threshold 1630.2) — no class given.");
    }

    private async Task WaitForResultAsync(long study)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.triage_results tr JOIN triage.instances i ON i.id = tr.instance_id WHERE i.study_id = @study",
            ("study", study)) == 0)
        {
            Assert.True(
                TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(2),
                $"study {study} was not triaged within 2 minutes");
            await Task.Delay(100);
        }
    }
}
