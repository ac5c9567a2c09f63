using System.Buffers.Binary;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class HostilePduTests
{
    public static TheoryData<int> CorpusIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ValidPdus.All.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void Parse_EveryTruncation_ThrowsDicomNetworkException(int index)
    {
        var valid = ValidPdus.All[index];
        for (var length = 0; length < valid.Length; length++)
        {
            var truncated = valid[..length];
            Assert.Throws<DicomNetworkException>(() => Pdu.Parse(truncated));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void Parse_TruncatedBodyWithConsistentHeader_OnlyEverThrowsDicomNetworkException(int index)
    {
        var valid = ValidPdus.All[index];
        for (var length = Pdu.HeaderLength; length < valid.Length; length++)
        {
            var truncated = valid[..length];
            BinaryPrimitives.WriteUInt32BigEndian(truncated.AsSpan(2), (uint)(length - Pdu.HeaderLength));
            ParseOrDicomNetworkException(truncated);
        }
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x04)]
    [InlineData(0x07)]
    public void Parse_LengthOfFourGiB_ThrowsBeforeReadingBody(byte type)
    {
        var bytes = new byte[] { type, 0, 0xFF, 0xFF, 0xFF, 0xFF };
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(bytes));
        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.AbortReason);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0x10)]
    [InlineData(0xFF)]
    public void Parse_UnknownPduType_ThrowsUnrecognizedPdu(byte type)
    {
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse([type, 0, 0, 0, 0, 4, 0, 0, 0, 0]));
        Assert.Equal(AbortReason.UnrecognizedPdu, ex.AbortReason);
    }

    [Fact]
    public void Parse_ItemClaimingMoreThanPdu_Throws()
    {
        var bytes = AssociatePduTests.EchoRequestBytes();
        bytes[74 + 25 + 2] = 0xFF;
        bytes[74 + 25 + 3] = 0xFF;
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(bytes));
        Assert.Contains("claims", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PdvClaimingMoreThanPdu_Throws()
    {
        var bytes = Bytes.Hex("04 00 00 00 00 08 FF FF FF FF 01 03 AA BB");
        Assert.Throws<DicomNetworkException>(() => Pdu.Parse(bytes));
    }

    [Fact]
    public void Parse_AssociatePduOverConfiguredLimit_Throws()
    {
        var bytes = AssociatePduTests.EchoRequestBytes();
        var limits = new PduLimits { MaxAssociatePduLength = 100 };
        var ex = Assert.Throws<DicomNetworkException>(() => Pdu.Parse(bytes, limits));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenThousandMutations_OnlyEverThrowDicomNetworkException()
    {
        var random = new Random(20261126);
        var corpus = ValidPdus.All;
        for (var i = 0; i < 10_000; i++)
        {
            var mutated = corpus[i % corpus.Count].ToArray();
            var flips = random.Next(1, 5);
            for (var f = 0; f < flips; f++)
            {
                var position = random.Next(mutated.Length);
                mutated[position] = random.Next(4) switch
                {
                    0 => 0x00,
                    1 => 0xFF,
                    _ => (byte)random.Next(256),
                };
            }

            if (random.Next(3) == 0 && mutated.Length > Pdu.HeaderLength)
            {
                BinaryPrimitives.WriteUInt32BigEndian(mutated.AsSpan(2), (uint)(mutated.Length - Pdu.HeaderLength));
            }

            ParseOrDicomNetworkException(mutated);
        }
    }

    private static void ParseOrDicomNetworkException(byte[] bytes)
    {
        try
        {
            var pdu = Pdu.Parse(bytes);
            Assert.NotNull(pdu);
        }
        catch (DicomNetworkException)
        {
            // The only failure a malformed PDU may produce.
        }
    }
}
