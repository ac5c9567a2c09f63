namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-ABORT PDU: an abrupt end of the association by either side.</summary>
/// <remarks>PS3.8 §9.3.8, Table 9-26: two reserved bytes, source, reason/diagnostic.</remarks>
public sealed class AAbortPdu : Pdu
{
    /// <summary>Creates an A-ABORT PDU.</summary>
    /// <param name="source">Who aborts.</param>
    /// <param name="reason">Why (significant only for a service-provider abort).</param>
    public AAbortPdu(AbortSource source, AbortReason reason = AbortReason.NotSpecified)
    {
        Source = source;
        Reason = reason;
    }

    /// <inheritdoc />
    public override PduType Type => PduType.AAbort;

    /// <summary>Gets who initiated the abort.</summary>
    public AbortSource Source { get; }

    /// <summary>Gets the reason/diagnostic; not significant when <see cref="Source"/> is the service-user.</summary>
    public AbortReason Reason { get; }

    internal static AAbortPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-ABORT");
        reader.Skip(2);
        var source = reader.ReadByte();
        var reason = reader.ReadByte();
        return reader.IsAtEnd
            ? new AAbortPdu((AbortSource)source, (AbortReason)reason)
            : throw reader.Error("unexpected trailing bytes");
    }

    private protected override void WriteBody(PduBuffer buffer)
    {
        buffer.WriteZeros(2);
        buffer.WriteByte((byte)Source);
        buffer.WriteByte((byte)Reason);
    }
}
