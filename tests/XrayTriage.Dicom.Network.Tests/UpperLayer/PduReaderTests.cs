using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class PduReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_CorpusInSmallReads_ReturnsEveryPduThenNull(int chunk)
    {
        var all = Bytes.Cat([.. ValidPdus.All]);
        var reader = new PduReader(new TricklingStream(all, chunk));
        foreach (var expected in ValidPdus.All)
        {
            var pdu = await reader.ReadAsync(CancellationToken.None);
            Assert.NotNull(pdu);
            Assert.Equal(expected, pdu.ToArray());
        }

        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_PDataLargerThanBuffer_GrowsAndReads()
    {
        var payload = new byte[200_000];
        new Random(1).NextBytes(payload);
        var pdu = new PDataTfPdu([new PresentationDataValue(1, false, true, payload)]);
        var reader = new PduReader(new TricklingStream(pdu.ToArray(), 65536));
        var read = Assert.IsType<PDataTfPdu>(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(payload, read.Values[0].Data.ToArray());
    }

    [Fact]
    public async Task ReadAsync_EndOfStreamMidPdu_ThrowsTransient()
    {
        var bytes = AssociatePduTests.EchoRequestBytes()[..50];
        var reader = new PduReader(new MemoryStream(bytes));
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task ReadAsync_EndOfStreamMidHeader_ThrowsTransient()
    {
        var reader = new PduReader(new MemoryStream([0x05, 0x00, 0x00]));
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task ReadAsync_DeclaredFourGiB_ThrowsWithoutWaitingForBody()
    {
        var stream = new TricklingStream([0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF], 6);
        var reader = new PduReader(stream);
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.False(ex.IsTransient);
        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.AbortReason);
        Assert.Equal(1, stream.ReadCalls);
    }

    [Fact]
    public async Task ReadAsync_DeclaredOneMiBButFewBytesSent_AllocatesOnlyWhatArrived()
    {
        var bytes = Bytes.Cat(Bytes.Hex("01 00 00 10 00 00"), new byte[100]);
        var reader = new PduReader(new TricklingStream(bytes, 10));
        await Assert.ThrowsAsync<DicomNetworkException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.True(reader.BufferCapacity <= 16 * 1024, $"buffer grew to {reader.BufferCapacity}");
    }

    [Fact]
    public async Task ReadAsync_StreamOfMutatedPdus_OnlyEverThrowsDicomNetworkException()
    {
        var random = new Random(4242);
        for (var round = 0; round < 500; round++)
        {
            var stream = Bytes.Cat([.. ValidPdus.All]);
            for (var f = 0; f < 3; f++)
            {
                stream[random.Next(stream.Length)] = (byte)random.Next(256);
            }

            var reader = new PduReader(new TricklingStream(stream, random.Next(1, 300)));
            try
            {
                for (var i = 0; i < ValidPdus.All.Count + 1; i++)
                {
                    if (await reader.ReadAsync(CancellationToken.None) is null)
                    {
                        break;
                    }
                }
            }
            catch (DicomNetworkException)
            {
                // Expected for most mutations; any other exception fails the test.
            }
        }
    }

    [Fact]
    public async Task ReadAsync_PDataAboveAdvertisedMaximum_Throws()
    {
        var pdu = new PDataTfPdu([new PresentationDataValue(1, false, true, new byte[1000])]);
        var reader = new PduReader(new MemoryStream(pdu.ToArray()), new PduLimits { MaxPDataPduLength = 1000 });
        await Assert.ThrowsAsync<DicomNetworkException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var reader = new PduReader(new BlockingStream());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task WriteAsync_Pdu_WritesExactBytes()
    {
        using var stream = new MemoryStream();
        await PduWriter.WriteAsync(stream, AReleaseRqPdu.Instance, CancellationToken.None);
        Assert.Equal(Bytes.Hex("05 00 00 00 00 04 00 00 00 00"), stream.ToArray());
    }

    private sealed class BlockingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
