using System.Net;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Web.Tests;

/// <summary>serve's DICOM listener: one peer (calling AE title + address) cannot take every association slot, and
/// when every slot is taken /health/ready and /metrics say so.</summary>
[Collection(SharedWebServer.Name)]
public sealed class AssociationSaturationTests(WebServer server)
{
    [Fact]
    public async Task Serve_OnePeerAtItsLimit_OthersAcceptedAndSaturationShown()
    {
        await using var serve = await ExtraServe.StartAsync(server, "--Dicom:MaxAssociations=3", "--Dicom:MaxAssociationsPerPeer=2");
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        await using var hog1 = await ConnectAsync(serve, "HOG");
        await using var hog2 = await ConnectAsync(serve, "HOG");
        var refused = await Assert.ThrowsAsync<DicomNetworkException>(() => ConnectAsync(serve, "HOG"));
        Assert.True(refused.IsTransient);
        Assert.Contains("LocalLimitExceeded", refused.Message, StringComparison.Ordinal);
        using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await using var other = await ConnectAsync(serve, "OTHER");
        using (var saturated = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, saturated.StatusCode);
            Assert.Contains("all 3 DICOM association slots in use", await saturated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches(@"(?m)^xraytriage_ingest_associations_active(\{[^}]*\})? 3$", metrics);
        Assert.Matches(@"(?m)^xraytriage_ingest_associations_limit(\{[^}]*\})? 3$", metrics);

        await other.ReleaseAsync(CancellationToken.None);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "readiness did not recover after an association ended");
            await Task.Delay(100);
        }
    }

    private static Task<DicomScu> ConnectAsync(ExtraServe serve, string callingAeTitle)
        => DicomScu.ConnectAsync(
            new DicomScuOptions
            {
                Host = "127.0.0.1",
                Port = serve.DicomPort,
                CallingAeTitle = callingAeTitle,
                CalledAeTitle = WebServer.AeTitle,
                ArtimTimeout = TimeSpan.FromSeconds(10),
                DimseTimeout = TimeSpan.FromSeconds(10),
            },
            [new PresentationContextRequest(1, CEchoRequest.Verification, ["1.2.840.10008.1.2"])], null, CancellationToken.None);
}
