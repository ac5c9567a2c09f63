using System.Diagnostics;
using XrayTriage.Dicom;
using Xunit.Abstractions;

namespace XrayTriage.Web.Tests;

/// <summary>Issue 18 item 6: four 8192 × 8192 16-bit RLE films of one study and their heatmaps, fetched all at once as
/// the study page does, used to take serve from 3.03 to 7.69 GB. The bound chosen here: serve's peak resident size from
/// before the fetches to their end stays at or under <see cref="PeakBound"/>; the second round is served from the cache
/// (no render). Every run writes its numbers to the test output.</summary>
[Collection(SharedWebServer.Name)]
public sealed class StudyImageMemoryTests(WebServer server, ITestOutputHelper output)
{
    public const long PeakBound = 1536 * ProcessMemory.MiB;

    private static readonly bool[] Kinds = [false, true];

    [Fact]
    public async Task Images_FourLargeFilmsAndHeatmapsAtOnce_PeakUnderBoundAndSecondRoundCached()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-web-large-rle-").FullName;
        var studyUid = DicomUid.Generate().Value;
        var films = Enumerable.Range(0, 4).Select(i => LargeImages.RleFilm(folder, i, studyUid)).ToArray();
        await server.PushAsync(films);
        var study = await WaitForFourAsync(studyUid);
        var instances = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(await server.ScalarAsync<long>(
                "SELECT id FROM triage.instances WHERE study_id = @s ORDER BY id OFFSET @i LIMIT 1", ("s", study), ("i", i)));
        }

        // The synthetic films are no chest the content gate accepts: give each run a 32 × 32 map, as a chest's would have.
        await server.ExecuteAsync(
            "UPDATE triage.inference_runs SET heatmap = @h, heatmap_width = 32, heatmap_height = 32 WHERE instance_id = ANY(@ids)",
            ("h", Enumerable.Range(0, 32 * 32).Select(i => (byte)(i % 251)).ToArray()), ("ids", instances.ToArray()));
        Assert.Equal(4L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.inference_runs WHERE instance_id = ANY(@ids) AND heatmap IS NOT NULL",
            ("ids", instances.ToArray())));

        // A serve of its own that has done nothing else (the shared one triaged the films), so its memory is the pages'.
        await using var serve = await ExtraServe.StartAsync(server);
        using var client = await ApiClient.SignedInAsync(serve.BaseAddress, TestUsers.Radiologist);
        var pid = serve.ProcessId;
        var before = ProcessMemory.ResidentBytes(pid);
        ProcessMemory.ResetPeak(pid);
        var started = Stopwatch.GetTimestamp();
        var pngs = await FetchAllAsync(client, study, instances);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var peak = ProcessMemory.PeakBytes(pid);
        started = Stopwatch.GetTimestamp();
        var again = await FetchAllAsync(client, study, instances);
        var cachedElapsed = Stopwatch.GetElapsedTime(started);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = ProcessMemory.ResidentBytes(pid);
        output.WriteLine(
            $"four 8192x8192 RLE films + heatmaps at once: RSS before {before / ProcessMemory.MiB} MiB, " +
            $"peak {peak / ProcessMemory.MiB} MiB, " +
            $"10 s after {after / ProcessMemory.MiB} MiB; {elapsed.TotalSeconds:0.0} s, " +
            $"again (cached) {cachedElapsed.TotalMilliseconds:0} ms; " +
            $"PNG bytes film {pngs[0].Length}, heatmap {pngs[1].Length}");

        Assert.All(pngs, png => Assert.Equal((1024, 1024), StudyImageRenditionTests.PngSize(png)));
        Assert.Equal(pngs, again);
        foreach (var id in instances)
        {
            Assert.Equal(1, await StudyImageRenditionTests.RendersAsync(() => serve.Output, study, id, 1));
        }

        Assert.True(
            peak <= PeakBound,
            $"serve's peak RSS was {peak / ProcessMemory.MiB} MiB; the bound is {PeakBound / ProcessMemory.MiB} MiB");
    }

    /// <summary>Film and heatmap of every instance, all requested at once, in instance order (film, heatmap, …).</summary>
    private static Task<byte[][]> FetchAllAsync(HttpClient client, long study, List<long> instances)
        => Task.WhenAll(instances.SelectMany(
            id => Kinds.Select(heatmap => StudyImageRenditionTests.GetPngAsync(client, study, id, heatmap))));

    private async Task<long> WaitForFourAsync(string studyUid)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var id = await server.ScalarAsync<long?>(
                """
                SELECT s.id FROM triage.studies s WHERE s.study_instance_uid = @uid
                AND (SELECT count(*) FROM triage.instances i WHERE i.study_id = s.id AND i.state IN ('Triaged', 'Skipped')) = 4
                """, ("uid", studyUid));
            if (id is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the four films were not triaged in time:\n{server.ServeOutput}");
            await Task.Delay(500);
        }
    }
}
