using System.Buffers.Binary;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>A protocol data unit of the DICOM upper layer: a 6-byte header and a body.</summary>
/// <remarks>PS3.8 §9.3.1: PDU-type (1 byte), reserved (1), PDU-length (4, big endian), then the body.</remarks>
public abstract class Pdu
{
    /// <summary>The size of the common PDU header.</summary>
    public const int HeaderLength = 6;

    private protected Pdu()
    {
    }

    /// <summary>Gets the PDU type.</summary>
    public abstract PduType Type { get; }

    /// <summary>Encodes the PDU, header included.</summary>
    /// <returns>The bytes to send.</returns>
    public byte[] ToArray()
    {
        var buffer = new PduBuffer();
        var mark = buffer.BeginPdu(Type);
        WriteBody(buffer);
        buffer.EndPdu(mark);
        return buffer.ToArray();
    }

    /// <summary>Decodes one complete PDU (header and body) with default limits.</summary>
    /// <param name="bytes">Exactly one PDU.</param>
    /// <returns>The decoded PDU.</returns>
    /// <exception cref="DicomNetworkException">The bytes are not a well-formed PDU.</exception>
    public static Pdu Parse(ReadOnlySpan<byte> bytes) => Parse(bytes, PduLimits.Default);

    /// <summary>Decodes one complete PDU (header and body).</summary>
    /// <param name="bytes">Exactly one PDU.</param>
    /// <param name="limits">The length limits to enforce.</param>
    /// <returns>The decoded PDU.</returns>
    /// <exception cref="DicomNetworkException">The bytes are not a well-formed PDU.</exception>
    public static Pdu Parse(ReadOnlySpan<byte> bytes, PduLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.Length < HeaderLength)
        {
            throw DicomNetworkException.Malformed($"A PDU needs a {HeaderLength}-byte header; got {bytes.Length} bytes.");
        }

        var type = bytes[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);
        limits.CheckLength(type, length);
        if (length != (uint)(bytes.Length - HeaderLength))
        {
            throw DicomNetworkException.Malformed(
                $"PDU type 0x{type:X2} declares {length} body bytes but {bytes.Length - HeaderLength} were given.");
        }

        return ParseBody((PduType)type, bytes[HeaderLength..]);
    }

    /// <summary>Decodes a PDU body whose type and length were already checked against the limits.</summary>
    internal static Pdu ParseBody(PduType type, ReadOnlySpan<byte> body) => type switch
    {
        PduType.AAssociateRq => AAssociateRqPdu.ReadBody(body),
        PduType.AAssociateAc => AAssociateAcPdu.ReadBody(body),
        PduType.AAssociateRj => AAssociateRjPdu.ReadBody(body),
        PduType.PDataTf => PDataTfPdu.ReadBody(body),
        PduType.AReleaseRq => AReleaseRqPdu.ReadBody(body),
        PduType.AReleaseRp => AReleaseRpPdu.ReadBody(body),
        PduType.AAbort => AAbortPdu.ReadBody(body),
        _ => throw PduLimits.Unrecognized((byte)type),
    };

    private protected abstract void WriteBody(PduBuffer buffer);

    internal void WriteBodyTo(PduBuffer buffer) => WriteBody(buffer);
}
