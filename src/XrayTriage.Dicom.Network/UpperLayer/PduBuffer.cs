using System.Buffers.Binary;
using System.Text;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Growable big-endian writer used to encode PDUs, with back-patched length fields.</summary>
internal sealed class PduBuffer
{
    private byte[] _buffer;

    public PduBuffer(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteByte(byte value) => GetSpan(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(GetSpan(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(GetSpan(4), value);

    public void WriteZeros(int count) => GetSpan(count).Clear();

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(GetSpan(bytes.Length));

    public void WriteAscii(string value)
    {
        var span = GetSpan(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c > 0x7E)
            {
                throw new DicomNetworkException($"'{value}' contains a character outside the default repertoire.", isTransient: false);
            }

            span[i] = (byte)c;
        }
    }

    /// <summary>Writes an AE title as a 16-byte field padded with spaces (PS3.8 §9.3.2).</summary>
    public void WriteAeTitle(string aeTitle, bool validate)
    {
        if (validate)
        {
            AeTitle.ThrowIfInvalid(aeTitle, nameof(aeTitle));
        }
        else if (aeTitle.Length > AeTitle.MaxLength)
        {
            aeTitle = aeTitle[..AeTitle.MaxLength];
        }

        var span = GetSpan(16);
        span.Fill((byte)' ');
        Encoding.ASCII.GetBytes(aeTitle, span);
    }

    /// <summary>Writes a 16-bit length prefixed ASCII field (UIDs in role selection and extended negotiation).</summary>
    public void WriteLengthPrefixedAscii(string value)
    {
        CheckLength16(value.Length);
        WriteUInt16((ushort)value.Length);
        WriteAscii(value);
    }

    public void WriteLengthPrefixedBytes(ReadOnlySpan<byte> value)
    {
        CheckLength16(value.Length);
        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    /// <summary>Writes an item header with a placeholder length; returns the mark for <see cref="EndItem"/>.</summary>
    public int BeginItem(byte type, byte secondByte = 0)
    {
        WriteByte(type);
        WriteByte(secondByte);
        WriteUInt16(0);
        return Length;
    }

    public void EndItem(int mark)
    {
        var length = Length - mark;
        CheckLength16(length);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(mark - 2, 2), (ushort)length);
    }

    /// <summary>Writes a PDU header with a placeholder 32-bit length; returns the mark for <see cref="EndPdu"/>.</summary>
    public int BeginPdu(PduType type)
    {
        WriteByte((byte)type);
        WriteByte(0);
        WriteUInt32(0);
        return Length;
    }

    public void EndPdu(int mark) =>
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(mark - 4, 4), (uint)(Length - mark));

    private static void CheckLength16(int length)
    {
        if (length > ushort.MaxValue)
        {
            throw new DicomNetworkException($"A field of {length} bytes does not fit a 16-bit item length.", isTransient: false);
        }
    }

    private Span<byte> GetSpan(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
