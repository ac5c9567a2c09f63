using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;

namespace XrayTriage.Web.Tests;

/// <summary>Issue 18 item 6: the study page's images are display-sized renditions, made once per version of an
/// instance (film and heatmap from one decode), cached, never stale, and rendered a bounded number at a time.</summary>
[Collection(SharedWebServer.Name)]
public sealed class StudyImageRenditionTests(WebServer server)
{
    [Fact]
    public async Task Image_FetchedTwiceAndAsHeatmap_DisplaySizedAndRenderedOnce()
    {
        var (study, instance) = await PushUrgentAsync();
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);

        var first = await GetPngAsync(client, study, instance, heatmap: false);
        var second = await GetPngAsync(client, study, instance, heatmap: false);
        var overlay = await GetPngAsync(client, study, instance, heatmap: true);

        // The sample is 2010 × 2446: its rendition has the default Web:ImageMaxSide on the long side.
        Assert.Equal((841, 1024), PngSize(first));
        Assert.Equal(first, second);
        Assert.Equal((841, 1024), PngSize(overlay));
        Assert.Equal(1, await RendersAsync(() => server.ServeOutput, study, instance, 1));
    }

    [Fact]
    public async Task Image_NewHeatmapThenNewSpoolFile_RenderedAgainNeverStale()
    {
        var (study, instance) = await PushUrgentAsync();
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);
        var overlay = await GetPngAsync(client, study, instance, heatmap: true);
        var film = await GetPngAsync(client, study, instance, heatmap: false);

        var stored = (await server.ScalarAsync<byte[]>(
            "SELECT heatmap FROM triage.inference_runs WHERE instance_id = @id", ("id", instance)))!;
        await server.ExecuteAsync("UPDATE triage.inference_runs SET heatmap = @h WHERE instance_id = @id",
            ("h", stored.Select(b => (byte)(255 - b)).ToArray()), ("id", instance));
        var newOverlay = await GetPngAsync(client, study, instance, heatmap: true);
        Assert.NotEqual(overlay, newOverlay);
        Assert.Equal(2, await RendersAsync(() => server.ServeOutput, study, instance, 2));

        var spoolFile = (await server.ScalarAsync<string>("SELECT spool_path FROM triage.instances WHERE id = @id", ("id", instance)))!;
        File.Copy(Samples.NotAssessable, spoolFile, overwrite: true);
        var newFilm = await GetPngAsync(client, study, instance, heatmap: false);
        Assert.NotEqual(PngSize(film), PngSize(newFilm));
        Assert.Equal(3, await RendersAsync(() => server.ServeOutput, study, instance, 3));
    }

    [Fact]
    public async Task Image_NoCacheAndOneRenderAtATime_EveryFetchRendersOneAtATime()
    {
        var films = new List<(long Study, long Instance)>();
        for (var i = 0; i < 3; i++)
        {
            films.Add(await PushUrgentAsync());
        }

        await using var serve = await ExtraServe.StartAsync(server, "--Web:ImageCacheBytes=0", "--Web:MaxConcurrentRenders=1");
        using var client = await ApiClient.SignedInAsync(serve.BaseAddress, TestUsers.Radiologist);
        await Task.WhenAll(films.Select(f => GetPngAsync(client, f.Study, f.Instance, heatmap: false)));
        foreach (var (study, instance) in films)
        {
            await GetPngAsync(client, study, instance, heatmap: false);
        }

        foreach (var (study, instance) in films)
        {
            Assert.Equal(2, await RendersAsync(() => serve.Output, study, instance, 2));
        }

        var running = Regex
            .Matches(serve.Output, @"Rendered instance \d+ of study \d+ for display at \d+x\d+ in \d+ ms \((\d+) render\(s\) running\)")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, running.Count);
        Assert.All(running, r => Assert.Equal(1, r));
    }

    /// <summary>How many times serve logged rendering the instance, once its log shows at least <paramref name="expected"/>
    /// (the console logger writes behind the response) or after five seconds.</summary>
    internal static async Task<int> RendersAsync(Func<string> output, long study, long instance, int expected)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var count = Regex.Count(output(), $@"Rendered instance {instance} of study {study} for display");
            if (count >= expected || DateTimeOffset.UtcNow > deadline)
            {
                // A moment more, so a render too many would show as well.
                await Task.Delay(200);
                return Regex.Count(output(), $@"Rendered instance {instance} of study {study} for display");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Width and height from the PNG's IHDR chunk.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
        => (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    internal static async Task<byte[]> GetPngAsync(HttpClient client, long study, long instance, bool heatmap)
    {
        using var response = await client.GetAsync(
            new Uri($"/api/studies/{study}/instances/{instance}/image{(heatmap ? "?heatmap=true" : "")}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return png;
    }

    private async Task<(long Study, long Instance)> PushUrgentAsync()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        await server.PushAsync(film);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        var instance = await server.ScalarAsync<long>("SELECT min(id) FROM triage.instances WHERE study_id = @id", ("id", study));
        return (study, instance);
    }
}
