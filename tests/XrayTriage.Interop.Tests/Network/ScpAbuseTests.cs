using System.Net;
using System.Net.Sockets;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Bounded abuse of our SCP while DCMTK peers use it: half-open connections, a slow-loris peer, and an
/// A-ABORT in the middle of a data set.</summary>
public sealed class ScpAbuseTests
{
    private const int HalfOpenConnections = 200;
    private static readonly TimeSpan Artim = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Scp_HalfOpenConnectionsAndSlowLoris_LegitimateEchoAndStoreSucceed()
    {
        await using var scp = ScpFixture.Start(o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            TransferSyntaxes = o.TransferSyntaxes,
            ArtimTimeout = Artim,
            MaxAssociations = 4,
        });
        using var cancellation = new CancellationTokenSource(Timeout);
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < HalfOpenConnections; i++)
            {
                var client = new TcpClient();
                idle.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, scp.Scp.LocalEndPoint.Port, cancellation.Token);
            }

            using var loris = new TcpClient();
            await loris.ConnectAsync(IPAddress.Loopback, scp.Scp.LocalEndPoint.Port, cancellation.Token);
            var dribble = DribbleAssociateRequestAsync(loris.GetStream(), cancellation.Token);

            var echo = await PeerTools.RunAsync("echoscu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);
            var store = await PeerTools.RunAsync(
                "storescu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, Samples.Small], Timeout);
            var lorisCutAfter = await dribble;
            var idleClosed = await CountClosedByServerAsync(idle, cancellation.Token);

            echo.EnsureSuccess("echoscu during abuse");
            store.EnsureSuccess("storescu during abuse");
            Assert.Single(scp.StoredFiles());
            Assert.True(lorisCutAfter < Artim + TimeSpan.FromSeconds(3), $"The slow-loris peer was served for {lorisCutAfter}.");
            Assert.Equal(HalfOpenConnections, idleClosed);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Scp_AbortInTheMiddleOfADataSet_NoFileStoredAndNoResponse()
    {
        await using var scp = ScpFixture.Start();
        using var cancellation = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, scp.Scp.LocalEndPoint.Port, cancellation.Token);
        var stream = client.GetStream();
        const string MrImage = "1.2.840.10008.5.1.4.1.1.4";
        await PduWriter.WriteAsync(stream, AssociateRequest(MrImage), cancellation.Token);
        var reader = new PduReader(stream);
        var accepted = Assert.IsType<AAssociateAcPdu>(await reader.ReadAsync(cancellation.Token));
        var command = DimseCommandCodec.Encode(new CStoreRequest(1, MrImage, "1.2.3.4.5.6.7.8.9"));
        var partialDataSet = new byte[64 * 1024];

        await PduWriter.WriteAsync(stream, new PDataTfPdu([new PresentationDataValue(1, true, true, command)]), cancellation.Token);
        await PduWriter.WriteAsync(
            stream, new PDataTfPdu([new PresentationDataValue(1, false, false, partialDataSet)]), cancellation.Token);
        await PduWriter.WriteAsync(stream, new AAbortPdu(AbortSource.ServiceUser), cancellation.Token);
        var after = await reader.ReadAsync(cancellation.Token);

        Assert.True(accepted.PresentationContexts.Single().IsAccepted);
        Assert.Null(after);
        Assert.Empty(Directory.GetFiles(scp.Folder));
    }

    private static AAssociateRqPdu AssociateRequest(string sopClass) => new()
    {
        CalledAeTitle = ScpFixture.AeTitle,
        CallingAeTitle = "ABUSER",
        PresentationContexts = [new PresentationContextRequest(1, sopClass, ["1.2.840.10008.1.2.1"])],
        UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" },
    };

    /// <summary>Sends a valid A-ASSOCIATE-RQ one byte every 250 ms until the server closes the connection;
    /// returns how long the server tolerated it.</summary>
    private static async Task<TimeSpan> DribbleAssociateRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await PduWriter.WriteAsync(buffer, AssociateRequest("1.2.840.10008.1.1"), cancellationToken);
        var bytes = buffer.ToArray();
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            foreach (var b in bytes)
            {
                await stream.WriteAsync(new[] { b }, cancellationToken);
                await Task.Delay(250, cancellationToken);
            }
        }
        catch (IOException)
        {
            return TimeProvider.System.GetElapsedTime(started);
        }

        return TimeSpan.MaxValue;
    }

    /// <summary>Reads each idle connection until the server closes it (ARTIM); counts those closed in time.</summary>
    private static async Task<int> CountClosedByServerAsync(List<TcpClient> clients, CancellationToken cancellationToken)
    {
        var closed = await Task.WhenAll(clients.Select(async client =>
        {
            try
            {
                return await client.GetStream().ReadAsync(new byte[16], cancellationToken) == 0;
            }
            catch (IOException)
            {
                return true;
            }
        }));
        return closed.Count(c => c);
    }
}
