using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>A live SCP fed 5,000 malformed, truncated and oversized PDUs (a quarter of them after a valid association),
/// then used by DCMTK's echoscu and storescu: it must still answer, hold no connection and not have grown its memory.</summary>
public sealed class ScpFuzzTests
{
    private const int Count = 5_000;
    private const int Parallelism = 8;

    [Fact]
    public async Task Scp_FiveThousandMalformedPdus_StaysUpBoundedAndServesDcmtk()
    {
        await using var scp = ScpFixture.Start();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var corpus = await CorpusAsync(cancellation.Token);
        var associate = corpus[0];
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation.Token },
            async (i, token) => await SendOneAsync(
                scp.Scp.LocalEndPoint.Port, i % 4 == 0 ? associate : null, Mutate(corpus, new Random(i)), token));

        var echo = await PeerTools.RunAsync(
            "echoscu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], TimeSpan.FromSeconds(30));
        var store = await PeerTools.RunAsync(
            "storescu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, Samples.Small], TimeSpan.FromSeconds(30));
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        echo.EnsureSuccess("echoscu after the fuzz");
        store.EnsureSuccess("storescu after the fuzz");
        Assert.Single(scp.StoredFiles());
        Assert.Equal(0, scp.Scp.ActiveAssociations);
        Assert.True(memoryAfter - memoryBefore < 64L << 20, $"Managed memory grew by {(memoryAfter - memoryBefore) >> 20} MiB.");
    }

    private static async Task SendOneAsync(int port, byte[]? associateFirst, byte[] malformed, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        try
        {
            if (associateFirst is not null)
            {
                await stream.WriteAsync(associateFirst, cancellationToken);
                await new PduReader(stream).ReadAsync(cancellationToken);
            }

            await stream.WriteAsync(malformed, cancellationToken);
            client.Client.Shutdown(SocketShutdown.Send);
            var sink = new byte[4096];
            while (await stream.ReadAsync(sink, cancellationToken) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or DicomNetworkException)
        {
            // The server aborting or resetting a hostile connection is the expected outcome.
        }
    }

    private static byte[] Mutate(List<byte[]> corpus, Random random)
    {
        var bytes = corpus[random.Next(corpus.Count)].ToArray();
        switch (random.Next(4))
        {
            case 0:
                return bytes[..random.Next(1, bytes.Length)];
            case 1:
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), random.Next(3) == 0 ? uint.MaxValue : (uint)random.Next());
                return bytes;
            default:
                for (var f = random.Next(1, 6); f > 0; f--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
        }
    }

    private static async Task<List<byte[]>> CorpusAsync(CancellationToken cancellationToken)
    {
        Pdu[] pdus =
        [
            new AAssociateRqPdu
            {
                CalledAeTitle = ScpFixture.AeTitle,
                CallingAeTitle = "FUZZER",
                PresentationContexts = [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
                UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" },
            },
            new PDataTfPdu([new PresentationDataValue(1, true, true, DimseCommandCodec.Encode(new CEchoRequest(1)))]),
            new PDataTfPdu([new PresentationDataValue(1, false, false, new byte[300])]),
            AReleaseRqPdu.Instance,
            new AAbortPdu(AbortSource.ServiceUser),
        ];
        var corpus = new List<byte[]>();
        foreach (var pdu in pdus)
        {
            using var buffer = new MemoryStream();
            await PduWriter.WriteAsync(buffer, pdu, cancellationToken);
            corpus.Add(buffer.ToArray());
        }

        return corpus;
    }
}
