namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-RELEASE-RQ PDU: a request to release the association gracefully.</summary>
/// <remarks>PS3.8 §9.3.6, Table 9-24: four reserved bytes.</remarks>
public sealed class AReleaseRqPdu : Pdu
{
    /// <summary>Gets the single instance (the PDU has no parameters).</summary>
    public static AReleaseRqPdu Instance { get; } = new();

    private AReleaseRqPdu()
    {
    }

    /// <inheritdoc />
    public override PduType Type => PduType.AReleaseRq;

    internal static AReleaseRqPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-RELEASE-RQ");
        reader.Skip(4);
        return reader.IsAtEnd ? Instance : throw reader.Error("unexpected trailing bytes");
    }

    private protected override void WriteBody(PduBuffer buffer) => buffer.WriteZeros(4);
}
