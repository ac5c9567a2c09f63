using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class PDataFragmenterTests
{
    [Fact]
    public void Fragment_TenBytesPeerMaxTwelve_TwoPdusLastFlagOnSecond()
    {
        var message = Enumerable.Range(1, 10).Select(i => (byte)i).ToArray();
        var pdus = PDataFragmenter.Fragment(3, isCommand: true, message, peerMaxLength: 12).ToList();
        Assert.Equal(2, pdus.Count);
        Assert.Equal(Bytes.Hex("04 00 00 00 00 0C 00 00 00 08 03 01 01 02 03 04 05 06"), pdus[0].ToArray());
        Assert.Equal(Bytes.Hex("04 00 00 00 00 0A 00 00 00 06 03 03 07 08 09 0A"), pdus[1].ToArray());
    }

    [Fact]
    public void Fragment_PeerMaxZero_UsesSendCap()
    {
        var message = new byte[PDataFragmenter.DefaultSendCap * 2];
        var pdus = PDataFragmenter.Fragment(1, isCommand: false, message, peerMaxLength: 0).ToList();
        Assert.Equal(3, pdus.Count);
        Assert.All(pdus, p => Assert.True(p.ToArray().Length - Pdu.HeaderLength <= PDataFragmenter.DefaultSendCap));
        Assert.True(pdus[^1].Values[0].IsLastFragment);
        Assert.All(pdus.Take(2), p => Assert.False(p.Values[0].IsLastFragment));
    }

    [Fact]
    public void Fragment_EmptyMessage_OneEmptyLastFragment()
    {
        var pdu = Assert.Single(PDataFragmenter.Fragment(1, isCommand: false, ReadOnlyMemory<byte>.Empty, 16384));
        Assert.Equal(Bytes.Hex("04 00 00 00 00 06 00 00 00 02 01 02"), pdu.ToArray());
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(6u)]
    public void EffectiveMaxPduLength_PeerMaxTooSmall_Throws(uint peerMax)
    {
        Assert.Throws<DicomNetworkException>(() => PDataFragmenter.EffectiveMaxPduLength(peerMax));
    }

    [Theory]
    [InlineData(16384u, 16384)]
    [InlineData(0u, PDataFragmenter.DefaultSendCap)]
    [InlineData(uint.MaxValue, PDataFragmenter.DefaultSendCap)]
    [InlineData(7u, 7)]
    public void EffectiveMaxPduLength_PeerMax_IsBoundedByCap(uint peerMax, int expected)
    {
        Assert.Equal(expected, PDataFragmenter.EffectiveMaxPduLength(peerMax));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(1000)]
    public async Task WriteAsync_StreamedMessage_EqualsInMemoryFragmentation(int size)
    {
        var message = new byte[size];
        new Random(size).NextBytes(message);
        using var transport = new MemoryStream();
        await PDataFragmenter.WriteAsync(
            transport, 5, isCommand: false, new TricklingStream(message, 33), peerMaxLength: 106, CancellationToken.None);
        var expected = Bytes.Cat([.. PDataFragmenter.Fragment(5, false, message, 106).Select(p => p.ToArray())]);
        Assert.Equal(expected, transport.ToArray());
    }

    [Fact]
    public async Task WriteThenReassemble_LargeDataSet_RoundTrips()
    {
        var message = new byte[300_000];
        new Random(7).NextBytes(message);
        using var transport = new MemoryStream();
        await PDataFragmenter.WriteAsync(
            transport, 1, isCommand: true, new MemoryStream(new byte[] { 1, 2, 3 }), 4096, CancellationToken.None);
        await PDataFragmenter.WriteAsync(transport, 1, isCommand: false, new MemoryStream(message), 4096, CancellationToken.None);
        transport.Position = 0;
        var reader = new PduReader(transport, new PduLimits { MaxPDataPduLength = 4096 });
        await using var reassembler = new PDataReassembler(new ReassemblyOptions { MemoryThreshold = 64 * 1024 });
        var statuses = new List<ReassemblyStatus>();
        while (await reader.ReadAsync(CancellationToken.None) is PDataTfPdu pdu)
        {
            foreach (var value in pdu.Values)
            {
                statuses.Add(await reassembler.AppendAsync(value, CancellationToken.None));
            }
        }

        Assert.Equal(ReassemblyStatus.CommandComplete, statuses[0]);
        Assert.Equal(ReassemblyStatus.DataSetComplete, statuses[^1]);
        Assert.True(reassembler.IsDataSetFileBacked);
        await using var data = reassembler.TakeDataSet();
        using var copy = new MemoryStream();
        await data.CopyToAsync(copy);
        Assert.Equal(message, copy.ToArray());
    }
}
