using System.Net;
using System.Net.Sockets;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Dicom.Network.Tests.Services;

public sealed class ScpLoggingTests
{
    [Fact]
    public async Task DicomScp_StartGarbageAndStop_LogsEvents4000To4004WithoutPayload()
    {
        var logger = new RecordingLogger();
        var scp = new DicomScp(
            new DicomScpOptions { AeTitle = "LOGSCP", ArtimTimeout = TimeSpan.FromSeconds(5) },
            new RecordingStoreHandler(XrayTriage.Dicom.Network.Dimse.DimseStatus.Success),
            null,
            logger);
        scp.Start();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scp.AssociationEnded += (_, _) => ended.TrySetResult();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, scp.LocalEndPoint.Port);
            await client.GetStream().WriteAsync(new byte[] { 0x77, 0, 0, 0, 0, 2, 0xAB, 0xCD });
            await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await scp.DisposeAsync();

        var entries = logger.Entries;
        Assert.Contains(entries, e => e.EventId.Id == 4000 && e.Message.Contains("LOGSCP", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId.Id == 4004);
        Assert.Single(entries, e => e.EventId.Id == 4001);
        Assert.All(entries, e => Assert.InRange(e.EventId.Id, 4000, 4999));
    }
}
