using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>The upload page in the browser: a PNG and a DICOM file each get the ensemble's prediction and heatmap, and
/// nothing is stored as a study.</summary>
[Collection(SharedWebServer.Name)]
public sealed partial class UploadTests(WebServer server)
{
    [Fact]
    public async Task Upload_PngAndDicom_ShowPredictionAndHeatmapWithoutStoringAStudy()
    {
        var png = Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val"), "*.png", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .First();
        var studiesBefore = await server.ScalarAsync<long>("SELECT count(*) FROM triage.studies");
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        var page = browser.Page;
        foreach (var (file, format) in new[] { (png, "PNG"), (Samples.Urgent, "DICOM") })
        {
            await page.GotoAsync("/upload");
            await page.GetByLabel("Image file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Classify" }).ClickAsync();
            var result = page.Locator("#upload-result");
            await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(result).ToContainTextAsync(format);
            await Assertions.Expect(result.Locator(".model-version")).ToHaveTextAsync(ModelVersionPattern());
            await Assertions.Expect(result.Locator("table.probabilities tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(result.Locator(".film img.overlay")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#upload-result h2 .badge")).ToHaveTextAsync("urgent");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "screenshots", "upload.png") });
        Assert.Equal(studiesBefore, await server.ScalarAsync<long>("SELECT count(*) FROM triage.studies"));
    }

    [Fact]
    public async Task Upload_NotAnImage_SaysSo()
    {
        var text = Path.Combine(Directory.CreateTempSubdirectory("xraytriage-web-upload-").FullName, "notes.txt");
        await File.WriteAllTextAsync(text, "not an image at all");
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        await browser.Page.GotoAsync("/upload");
        await browser.Page.GetByLabel("Image file").SetInputFilesAsync(text);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Classify" }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("#upload-error")).ToContainTextAsync("could not be read");
    }

    [Fact]
    public async Task Upload_DicomWithStoreTicked_GoesThroughTheListenerAndLandsOnTheWorklist()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        var uid = await Samples.SopInstanceUidAsync(film);
        await using var browser = await BrowserSession.StartAsync(server);
        await browser.SignInAsync(TestUsers.Radiologist);
        var page = browser.Page;
        await page.GotoAsync("/upload");
        await page.GetByLabel("Image file").SetInputFilesAsync(film);
        await page.GetByLabel("Also store it as a study", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Classify" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-stored")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var study = await server.WaitForStudyAsync(uid);
        Assert.Equal("XRAYTRIAGE-WEB", await server.ScalarAsync<string>(
            "SELECT calling_ae_title FROM triage.instances WHERE sop_instance_uid = @u", ("u", uid)));
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'Import' AND actor = @a AND subject LIKE @s",
            ("a", TestUsers.Radiologist), ("s", $"study {study} %")));
        await page.Locator("#upload-stored a").ClickAsync();
        await Assertions.Expect(page.Locator("#study-priority")).ToHaveTextAsync("urgent");
    }

    /// <summary>31 MB is over Kestrel's default request limit (~30 MB) and under the documented 64 MiB.</summary>
    [Fact]
    public async Task Upload_OverKestrelDefaultUnderLimit_ReachesThePage()
    {
        using var response = await PostUploadAsync(31 * 1000 * 1000);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("could not be read as a PNG, JPEG or DICOM image", body, StringComparison.Ordinal);
    }

    /// <summary>With <c>Expect: 100-continue</c> (as curl sends for large bodies) the answer comes before the body is sent.</summary>
    [Fact]
    public async Task Upload_OverMaxUploadBytes_AnswersWithThePagesMessage()
    {
        using var response = await PostUploadAsync(64 * 1024 * 1024 + 200 * 1024);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The file is larger than the 64 MiB this page accepts.", body, StringComparison.Ordinal);
        await server.WaitForServeOutputAsync("Refused an upload of rad.one");
    }

    private async Task<HttpResponseMessage> PostUploadAsync(int length)
    {
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await ApiClient.AntiforgeryTokenAsync(client, "/upload")), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[length]), "file", "big.png" },
        };
        return await client.PostAsync(new Uri("/upload", UriKind.Relative), form);
    }

    [GeneratedRegex(@"^xraytriage-cxr \d+\.\d+\.\d+$")]
    private static partial Regex ModelVersionPattern();
}
