using System.Net.Sockets;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.Services;

public sealed class ScpHostilePeerTests
{
    private static async Task<(TcpClient Client, NetworkStream Stream)> RawConnectAsync(ScpFixture fixture)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", fixture.Port);
        return (client, client.GetStream());
    }

    private static async Task<Pdu?> ReadAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await new PduReader(stream).ReadAsync(timeout.Token);
    }

    private static ScpFixture ShortArtim() => new(new RecordingStoreHandler(DimseStatus.Success), o => new Network.Services.DicomScpOptions
    {
        AeTitle = o.AeTitle,
        AcceptedSopClasses = o.AcceptedSopClasses,
        ArtimTimeout = TimeSpan.FromMilliseconds(300),
        Reassembly = o.Reassembly,
    });

    [Fact]
    public async Task SilentPeer_ArtimExpires_ServerClosesConnection()
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            Assert.Null(await ReadAsync(stream));
        }

        await fixture.WaitForEndedAsync(1);
        Assert.Contains("ARTIM", Assert.Single(fixture.Outcomes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09 00 00 00 00 04 00 00 00 00")]
    [InlineData("01 00 FF FF FF FF")]
    [InlineData("01 00 00 00 00 04 00 01 00 00")]
    [InlineData("04 00 00 00 00 06 00 00 00 02 01 03")]
    public async Task GarbageFirstPdu_ServerAbortsThenCloses(string hex)
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            await stream.WriteAsync(Bytes.Hex(hex));
            var abort = Assert.IsType<AAbortPdu>(await ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceUser, abort.Source);
            Assert.Null(await ReadAsync(stream));
        }
    }

    [Fact]
    public async Task GarbageAfterAssociation_ServerAbortsAsProviderWithReason()
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            await PduWriter.WriteAsync(stream, EchoRequest(), CancellationToken.None);
            Assert.IsType<AAssociateAcPdu>(await ReadAsync(stream));
            await stream.WriteAsync(Bytes.Hex("04 00 00 00 00 06 00 00 00 02 01 07"));
            var abort = Assert.IsType<AAbortPdu>(await ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
            Assert.Equal(AbortReason.InvalidPduParameterValue, abort.Reason);
        }
    }

    [Fact]
    public async Task ReleaseRequestBeforeAssociation_ServerAbortsAsUser()
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            await PduWriter.WriteAsync(stream, AReleaseRqPdu.Instance, CancellationToken.None);
            Assert.IsType<AAbortPdu>(await ReadAsync(stream));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MessagesOutOfOrder_ServerAbortsAndStaysUp(bool commandBeforeData)
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            await PduWriter.WriteAsync(stream, EchoRequest(), CancellationToken.None);
            Assert.IsType<AAssociateAcPdu>(await ReadAsync(stream));
            DimseCommand first = commandBeforeData ? new CStoreRequest(1, CEchoRequest.Verification, "1.2.3") : new CEchoRequest(1);
            var command = DimseCommandCodec.Encode(first);
            await PDataFragmenter.WriteAsync(stream, 1, isCommand: true, new MemoryStream(command), 16384, CancellationToken.None);
            if (!commandBeforeData)
            {
                Assert.IsType<PDataTfPdu>(await ReadAsync(stream));
            }

            await PDataFragmenter.WriteAsync(
                stream, 1, isCommand: commandBeforeData, new MemoryStream(command), 16384, CancellationToken.None);
            var abort = Assert.IsType<AAbortPdu>(await ReadAsync(stream));
            Assert.Equal(AbortReason.UnexpectedPduParameter, abort.Reason);
        }

        await using var scu = await fixture.ConnectAsync();
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task IdleEstablishedAssociation_IsAbortedAfterIdleTimeout()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success), o => new Network.Services.DicomScpOptions
        {
            AeTitle = o.AeTitle,
            ArtimTimeout = TimeSpan.FromMilliseconds(300),
            IdleTimeout = TimeSpan.FromMilliseconds(300),
        });
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            await PduWriter.WriteAsync(stream, EchoRequest(), CancellationToken.None);
            Assert.IsType<AAssociateAcPdu>(await ReadAsync(stream));
            var abort = Assert.IsType<AAbortPdu>(await ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceUser, abort.Source);
            Assert.Null(await ReadAsync(stream));
        }

        await fixture.WaitForEndedAsync(1);
        Assert.Contains("no PDU within", Assert.Single(fixture.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_InFlightAssociation_FinishesBeforeStop()
    {
        var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        await using var scu = await fixture.ConnectAsync();
        var stopping = fixture.Scp.StopAsync(CancellationToken.None);
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
        Assert.False(stopping.IsCompleted);
        await scu.ReleaseAsync(CancellationToken.None);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<DicomNetworkException>(() => fixture.ConnectAsync());
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task RequestWithTinyMaximumLength_ServerAbortsAsProvider()
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            var request = EchoRequest();
            var tiny = new AAssociateRqPdu
            {
                CalledAeTitle = request.CalledAeTitle,
                CallingAeTitle = request.CallingAeTitle,
                PresentationContexts = request.PresentationContexts,
                UserInformation = new UserInformation { MaximumLength = 3, ImplementationClassUid = "1.2.3" },
            };
            await PduWriter.WriteAsync(stream, tiny, CancellationToken.None);
            var abort = Assert.IsType<AAbortPdu>(await ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
            Assert.Equal(AbortReason.InvalidPduParameterValue, abort.Reason);
        }
    }

    private static AAssociateRqPdu EchoRequest() => new()
    {
        CalledAeTitle = "XRAYTRIAGE",
        CallingAeTitle = "MODALITY",
        PresentationContexts = [new PresentationContextRequest(1, CEchoRequest.Verification, [ScpFixture.ImplicitLittle])],
        UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3" },
    };

    [Fact]
    public async Task AbortMidTransfer_HandlerNeverSeesPartialInstance()
    {
        await using var fixture = ShortArtim();
        var (client, stream) = await RawConnectAsync(fixture);
        using (client)
        {
            var request = new AAssociateRqPdu
            {
                CalledAeTitle = "XRAYTRIAGE",
                CallingAeTitle = "MODALITY",
                PresentationContexts = [new PresentationContextRequest(3, ScpFixture.CrImage, [ScpFixture.ExplicitLittle])],
                UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3" },
            };
            await PduWriter.WriteAsync(stream, request, CancellationToken.None);
            Assert.IsType<AAssociateAcPdu>(await ReadAsync(stream));
            var command = DimseCommandCodec.Encode(new CStoreRequest(1, ScpFixture.CrImage, "1.2.3"));
            await PDataFragmenter.WriteAsync(stream, 3, isCommand: true, new MemoryStream(command), 16384, CancellationToken.None);
            var partial = new PDataTfPdu([new PresentationDataValue(3, false, false, new byte[5000])]);
            await PduWriter.WriteAsync(stream, partial, CancellationToken.None);
            await PduWriter.WriteAsync(stream, new AAbortPdu(AbortSource.ServiceUser), CancellationToken.None);
        }

        await fixture.WaitForEndedAsync(1);
        Assert.Empty(fixture.Handler.Received);
        Assert.Contains("aborted", Assert.Single(fixture.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HalfOpenConnections_DoNotBlockALegitimateAssociation()
    {
        await using var fixture = ShortArtim();
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", fixture.Port);
                idle.Add(client);
            }

            await using var scu = await fixture.ConnectAsync();
            Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }
}
