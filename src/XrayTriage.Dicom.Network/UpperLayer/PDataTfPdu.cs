using System.Buffers.Binary;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The P-DATA-TF PDU: one or more presentation data values.</summary>
/// <remarks>PS3.8 §9.3.5, Table 9-22; PDV items as in §9.3.5.1 and Annex E.</remarks>
public sealed class PDataTfPdu : Pdu
{
    /// <summary>Creates a P-DATA-TF PDU.</summary>
    /// <param name="values">One or more PDVs.</param>
    public PDataTfPdu(IReadOnlyList<PresentationDataValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A P-DATA-TF PDU carries at least one PDV.", nameof(values));
        }

        Values = values;
    }

    /// <inheritdoc />
    public override PduType Type => PduType.PDataTf;

    /// <summary>Gets the presentation data values in order.</summary>
    public IReadOnlyList<PresentationDataValue> Values { get; }

    internal static PDataTfPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var values = new List<PresentationDataValue>();
        var copy = body.ToArray();
        var offset = 0;
        while (offset < copy.Length)
        {
            if (copy.Length - offset < 4)
            {
                throw DicomNetworkException.Malformed($"P-DATA-TF: truncated PDV item header at offset {offset}.");
            }

            var itemLength = BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(offset));
            offset += 4;
            if (itemLength < 2 || itemLength > (uint)(copy.Length - offset))
            {
                throw DicomNetworkException.Malformed(
                    $"P-DATA-TF: PDV item length {itemLength} at offset {offset - 4} is outside 2..{copy.Length - offset}.");
            }

            var contextId = copy[offset];
            var header = copy[offset + 1];
            if ((header & 0xFC) != 0)
            {
                throw DicomNetworkException.Malformed($"P-DATA-TF: reserved bits set in message control header 0x{header:X2}.");
            }

            var data = new ReadOnlyMemory<byte>(copy, offset + 2, (int)itemLength - 2);
            values.Add(new PresentationDataValue(contextId, (header & 1) != 0, (header & 2) != 0, data));
            offset += (int)itemLength;
        }

        return values.Count > 0
            ? new PDataTfPdu(values)
            : throw DicomNetworkException.Malformed("P-DATA-TF: no PDV items.");
    }

    private protected override void WriteBody(PduBuffer buffer)
    {
        foreach (var value in Values)
        {
            buffer.WriteUInt32((uint)(value.Data.Length + 2));
            buffer.WriteByte(value.PresentationContextId);
            buffer.WriteByte(value.MessageControlHeader);
            buffer.WriteBytes(value.Data.Span);
        }
    }
}
