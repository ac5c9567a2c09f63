using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Tests.Dimse;

public sealed class DimseCommandCodecTests
{
    private const string CrImage = "1.2.840.10008.5.1.4.1.1.1";
    private const string Instance = "1.2.3.4.5.6";

    /// <summary>
    /// C-ECHO-RQ in Implicit VR LE (PS3.7 Table 9.3-12, PS3.5 §7.1.3): tag, 32-bit length, value.
    /// Group length = (8+18) + (8+2) + (8+2) + (8+2) = 56 (38H); the UID is NUL-padded to 18 bytes.
    /// </summary>
    internal static byte[] EchoRequestBytes() => Bytes.Cat(
        Bytes.Hex("00 00 00 00 04 00 00 00 38 00 00 00"),
        Bytes.Hex("00 00 02 00 12 00 00 00"), Bytes.Ascii("1.2.840.10008.1.1"), Bytes.Hex("00"),
        Bytes.Hex("00 00 00 01 02 00 00 00 30 00"),
        Bytes.Hex("00 00 10 01 02 00 00 00 07 00"),
        Bytes.Hex("00 00 00 08 02 00 00 00 01 01"));

    [Fact]
    public void Encode_EchoRequest_MatchesHandComputedBytes()
    {
        Assert.Equal(EchoRequestBytes(), DimseCommandCodec.Encode(new CEchoRequest(7)));
    }

    [Fact]
    public void Decode_HandComputedEchoRequest_ReadsFields()
    {
        var command = Assert.IsType<CEchoRequest>(DimseCommandCodec.Decode(EchoRequestBytes()));
        Assert.Equal(7, command.MessageId);
        Assert.Equal(CEchoRequest.Verification, command.AffectedSopClassUid);
        Assert.False(command.HasDataSet);
    }

    [Fact]
    public void Encode_EchoResponse_HasStatusAndRespondedId()
    {
        var bytes = DimseCommandCodec.Encode(new CEchoResponse(7, DimseStatus.Success));
        var statusElement = Bytes.Hex("00 00 00 09 02 00 00 00 00 00");
        var respondedTo = Bytes.Hex("00 00 20 01 02 00 00 00 07 00");
        Assert.True(Contains(bytes, statusElement));
        Assert.True(Contains(bytes, respondedTo));
        Assert.Equal(new CEchoResponse(7, DimseStatus.Success), DimseCommandCodec.Decode(bytes));
    }

    private static readonly string[] SampleNames = ["echo-rq", "echo-rsp", "store-rq", "store-rq-move", "store-rsp", "store-rsp-warning"];

    public static TheoryData<string> RoundTripNames => new(SampleNames);

    private static DimseCommand Sample(string name) => name switch
    {
        "echo-rq" => new CEchoRequest(1),
        "echo-rsp" => new CEchoResponse(1, DimseStatus.Success),
        "store-rq" => new CStoreRequest(2, CrImage, Instance, DimsePriority.High),
        "store-rq-move" => new CStoreRequest(3, CrImage, Instance) { MoveOriginatorAeTitle = "MOVER", MoveOriginatorMessageId = 9 },
        "store-rsp" => CStoreResponse.For(new CStoreRequest(2, CrImage, Instance), DimseStatus.OutOfResources, "disk full"),
        "store-rsp-warning" => new CStoreResponse(4, DimseStatus.ElementsDiscarded, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(RoundTripNames))]
    public void EncodeDecode_Command_RoundTrips(string name)
    {
        var command = Sample(name);
        var decoded = DimseCommandCodec.Decode(DimseCommandCodec.Encode(command));
        Assert.Equal(command, decoded);
        Assert.Equal(command.HasDataSet, decoded.HasDataSet);
    }

    [Fact]
    public void Encode_StoreRequest_DeclaresDataSetPresent()
    {
        var bytes = DimseCommandCodec.Encode(new CStoreRequest(2, CrImage, Instance));
        Assert.True(Contains(bytes, Bytes.Hex("00 00 00 08 02 00 00 00 00 00")));
        Assert.True(Contains(bytes, Bytes.Hex("00 00 00 01 02 00 00 00 01 00")));
    }

    [Fact]
    public void Decode_UnknownCommand_ReturnsUnknownWithMessageId()
    {
        var bytes = Bytes.Cat(
            Bytes.Hex("00 00 00 01 02 00 00 00 20 00"),
            Bytes.Hex("00 00 10 01 02 00 00 00 05 00"),
            Bytes.Hex("00 00 00 08 02 00 00 00 00 00"));
        var command = Assert.IsType<UnknownDimseCommand>(DimseCommandCodec.Decode(bytes));
        Assert.Equal(DimseCommandField.CFindRq, command.CommandField);
        Assert.Equal((ushort)5, command.MessageId);
        Assert.True(command.HasDataSet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00 00 00 01 02 00 00 00 30 00")]
    [InlineData("00 00 00 01 02 00 00 00 30 00 00 00 00 08 02 00 00 00 01 01")]
    [InlineData("00 00 00 01 02 00 00 00 01 00 00 00 00 08 02 00 00 00 01 01")]
    [InlineData("00 00 00 01 FF FF FF FF 30 00")]
    [InlineData("00 00 00 01 02 00")]
    [InlineData("08 00 18 00 02 00 00 00 31 00 00 00 00 01 02 00 00 00 30 00")]
    public void Decode_Malformed_ThrowsDicomNetworkException(string hex)
    {
        var ex = Assert.Throws<DicomNetworkException>(() => DimseCommandCodec.Decode(Bytes.Hex(hex)));
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public void Decode_TwoThousandMutations_OnlyEverThrowDicomNetworkException()
    {
        var random = new Random(99);
        var corpus = SampleNames.Select(name => DimseCommandCodec.Encode(Sample(name))).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var mutated = corpus[i % corpus.Length].ToArray();
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            try
            {
                Assert.NotNull(DimseCommandCodec.Decode(mutated.AsMemory(0, random.Next(mutated.Length + 1))));
            }
            catch (DicomNetworkException)
            {
                // The only failure a malformed command set may produce.
            }
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
