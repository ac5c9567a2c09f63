using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.Services;

public sealed class ScpScuLoopbackTests
{
    [Fact]
    public async Task EchoAsync_OurScuToOurScp_SucceedsAndReleases()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        await using (var scu = await fixture.ConnectAsync())
        {
            Assert.Equal((uint)PduLimits.DefaultMaxPDataPduLength, scu.Accepted.UserInformation.MaximumLength);
            Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
            Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
            await scu.ReleaseAsync(CancellationToken.None);
            Assert.False(scu.IsEstablished);
        }

        await fixture.WaitForEndedAsync(1);
        Assert.Equal([null], fixture.Outcomes);
    }

    [Fact]
    public async Task StoreAsync_LargeDataSet_ArrivesIntactThroughTemporaryFile()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        var payload = new byte[300_001];
        new Random(3).NextBytes(payload);
        CStoreResponse response;
        await using (var scu = await fixture.ConnectAsync())
        {
            response = await scu.StoreAsync(
                ScpFixture.CrImage, "1.2.3.4", ScpFixture.ExplicitLittle, new MemoryStream(payload), CancellationToken.None);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        Assert.Equal(DimseStatus.Success, response.Status);
        Assert.Equal("1.2.3.4", response.AffectedSopInstanceUid);
        var (request, data, wasFile) = Assert.Single(fixture.Handler.Received);
        Assert.Equal(payload, data);
        Assert.True(wasFile);
        Assert.Equal(ScpFixture.ExplicitLittle, request.TransferSyntaxUid);
        Assert.Equal("MODALITY", request.Association.CallingAeTitle);
    }

    [Theory]
    [InlineData(0xA700, true)]
    [InlineData(0xC000, false)]
    public async Task StoreAsync_HandlerStatus_ReachesScuWithTransience(int code, bool transient)
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(new DimseStatus((ushort)code)));
        await using var scu = await fixture.ConnectAsync();
        var response = await scu.StoreAsync(
            ScpFixture.CrImage, "1.2.3", ScpFixture.ExplicitLittle, new MemoryStream(new byte[10]), CancellationToken.None);
        Assert.Equal(code, response.Status.Code);
        Assert.Equal(transient, response.Status.IsTransient);
    }

    [Fact]
    public async Task StoreAsync_HandlerThrows_AnswersProcessingFailure()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success, throws: true));
        await using var scu = await fixture.ConnectAsync();
        var response = await scu.StoreAsync(
            ScpFixture.CrImage, "1.2.3", ScpFixture.ExplicitLittle, new MemoryStream(new byte[10]), CancellationToken.None);
        Assert.Equal(DimseStatus.ProcessingFailure, response.Status);
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StoreAsync_NoAcceptedContext_FailsPermanentlyWithoutSending()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        await using var scu = await fixture.ConnectAsync();
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(
            () => scu.StoreAsync(
                ScpFixture.CrImage, "1.2.3", "1.2.840.10008.1.2.4.50", new MemoryStream(new byte[10]), CancellationToken.None));
        Assert.False(ex.IsTransient);
        Assert.Contains("no presentation context", ex.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Handler.Received);
    }

    [Theory]
    [InlineData("MODALITY", "WRONG", "CalledAeTitleNotRecognized")]
    [InlineData("STRANGER", "XRAYTRIAGE", "CallingAeTitleNotRecognized")]
    public async Task ConnectAsync_RejectedAeTitleWithCalledAeRequired_ThrowsPermanentWithReason(
        string calling, string called, string reason)
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success), o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            RequireCalledAeTitle = true,
            AcceptedSopClasses = o.AcceptedSopClasses,
            AllowedCallingAeTitles = o.AllowedCallingAeTitles,
            ArtimTimeout = o.ArtimTimeout,
        });
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync(fixture.ScuOptions(calling, called)));
        Assert.False(ex.IsTransient);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        await fixture.WaitForEndedAsync(1);
        Assert.Contains("rejected", Assert.Single(fixture.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_OtherCalledAeTitleByDefault_AcceptedAndReported()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        AssociationInfo? accepted = null;
        fixture.Scp.AssociationAccepted += (_, e) => accepted = e.Association;

        await using (var scu = await fixture.ConnectAsync(fixture.ScuOptions(called: "ANY-SCP")))
        {
            Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
        }

        await fixture.WaitForEndedAsync(1);
        Assert.Equal("ANY-SCP", accepted?.CalledAeTitle);
    }

    [Fact]
    public async Task ConnectAsync_AssociationLimitReached_ThrowsTransientLocalLimit()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success), o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            ArtimTimeout = o.ArtimTimeout,
            MaxAssociations = 1,
        });
        await using var first = await fixture.ConnectAsync();
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync());
        Assert.True(ex.IsTransient);
        Assert.Contains("LocalLimitExceeded", ex.Message, StringComparison.Ordinal);
        Assert.Equal(DimseStatus.Success, await first.EchoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConnectAsync_OnePeerAtItsLimit_RejectedWhileOtherPeersAccepted()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success), o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            ArtimTimeout = o.ArtimTimeout,
            MaxAssociations = 3,
            MaxAssociationsPerPeer = 2,
        });
        await using var first = await fixture.ConnectAsync(fixture.ScuOptions(calling: "HOG"));
        await using var second = await fixture.ConnectAsync(fixture.ScuOptions(calling: "HOG"));
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync(fixture.ScuOptions(calling: "HOG")));
        Assert.True(ex.IsTransient);
        Assert.Contains("LocalLimitExceeded", ex.Message, StringComparison.Ordinal);
        Assert.False(fixture.Scp.IsSaturated);

        await using var other = await fixture.ConnectAsync(fixture.ScuOptions(calling: "OTHER"));
        Assert.Equal(DimseStatus.Success, await other.EchoAsync(CancellationToken.None));
        Assert.True(fixture.Scp.IsSaturated);
        Assert.Equal(3, fixture.Scp.ActiveAssociations);
    }

    [Fact]
    public void Constructor_PerPeerLimitAboveTheGlobalOne_Throws()
        => Assert.Throws<ArgumentException>(() => new DicomScp(
            new DicomScpOptions { AeTitle = "XRAYTRIAGE", MaxAssociations = 2, MaxAssociationsPerPeer = 3 },
            new RecordingStoreHandler(DimseStatus.Success)));

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsTransient()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var options = new DicomScuOptions { Host = "127.0.0.1", Port = free, CallingAeTitle = "A", CalledAeTitle = "B" };
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(
            () => DicomScu.ConnectAsync(options, ScpFixture.Contexts(), null, CancellationToken.None));
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task EchoAsync_FourConcurrentAssociations_AllSucceed()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scu = await fixture.ConnectAsync();
            var status = await scu.EchoAsync(CancellationToken.None);
            await scu.ReleaseAsync(CancellationToken.None);
            return status;
        }));
        Assert.All(results, s => Assert.Equal(DimseStatus.Success, s));
    }
}
