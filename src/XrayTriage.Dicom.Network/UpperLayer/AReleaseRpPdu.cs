namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-RELEASE-RP PDU: the answer to an A-RELEASE-RQ.</summary>
/// <remarks>PS3.8 §9.3.7, Table 9-25: four reserved bytes.</remarks>
public sealed class AReleaseRpPdu : Pdu
{
    /// <summary>Gets the single instance (the PDU has no parameters).</summary>
    public static AReleaseRpPdu Instance { get; } = new();

    private AReleaseRpPdu()
    {
    }

    /// <inheritdoc />
    public override PduType Type => PduType.AReleaseRp;

    internal static AReleaseRpPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-RELEASE-RP");
        reader.Skip(4);
        return reader.IsAtEnd ? Instance : throw reader.Error("unexpected trailing bytes");
    }

    private protected override void WriteBody(PduBuffer buffer) => buffer.WriteZeros(4);
}
