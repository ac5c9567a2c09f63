using System.Net;

namespace XrayTriage.Web.Tests;

/// <summary>The image endpoint renders the spool file, says 410 once it is purged and 422 when it cannot be read.</summary>
[Collection(SharedWebServer.Name)]
public sealed class StudyImageTests(WebServer server)
{
    [Fact]
    public async Task Image_SpoolFileRenderedThenDamagedThenPurged_200Then422Then410()
    {
        var film = await Samples.FreshCopyAsync(Samples.Urgent);
        await server.PushAsync(film);
        var study = await server.WaitForStudyAsync(await Samples.SopInstanceUidAsync(film));
        var instance = await server.ScalarAsync<long>("SELECT min(id) FROM triage.instances WHERE study_id = @id", ("id", study));
        var spoolFile = (await server.ScalarAsync<string>("SELECT spool_path FROM triage.instances WHERE id = @id", ("id", instance)))!;
        using var client = await ApiClient.SignedInAsync(server.BaseAddress, TestUsers.Radiologist);
        var path = new Uri($"/api/studies/{study}/instances/{instance}/image", UriKind.Relative);

        using (var ok = await client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var png = await ok.Content.ReadAsByteArrayAsync();
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        await File.WriteAllBytesAsync(spoolFile, new byte[1024]);
        using (var damaged = await client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, damaged.StatusCode);
        }

        File.Delete(spoolFile);
        using (var purged = await client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Gone, purged.StatusCode);
        }

        using var otherStudy = await client.GetAsync(
            new Uri($"/api/studies/{study + 100000}/instances/{instance}/image", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, otherStudy.StatusCode);
    }
}
