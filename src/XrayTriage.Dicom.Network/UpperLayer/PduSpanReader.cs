using System.Buffers.Binary;
using System.Text;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>
/// Bounds-checked big-endian cursor over a PDU body. Every read past the end raises a
/// <see cref="DicomNetworkException"/>, so a malformed PDU can never cause another exception.
/// </summary>
internal ref struct PduSpanReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _context;

    public PduSpanReader(ReadOnlySpan<byte> data, string context)
    {
        _data = data;
        _context = context;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly bool IsAtEnd => Position >= _data.Length;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public void Skip(int count) => Take(count);

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Reads a UID field; trailing NUL or space padding sent by some peers is tolerated.</summary>
    public string ReadUid(int count) => DecodeAscii(Take(count), "UID").TrimEnd('\0', ' ');

    /// <summary>Reads a 16-byte AE title field; leading and trailing spaces are not significant (PS3.5 §6.2).</summary>
    public string ReadAeTitle() => DecodeAscii(Take(16), "AE title").TrimEnd('\0').Trim(' ');

    /// <summary>Reads a 16-byte AE title field that the standard says is not tested (A-ASSOCIATE-AC).</summary>
    public string ReadUntestedAeTitle()
    {
        Span<char> chars = stackalloc char[16];
        var bytes = Take(16);
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and <= 0x7E ? (char)bytes[i] : ' ';
        }

        return new string(chars).Trim(' ');
    }

    /// <summary>Reads an item header (type, reserved, 16-bit length) and checks the length fits in what is left.</summary>
    public byte ReadItemHeader(out byte secondByte, out int length)
    {
        var type = ReadByte();
        secondByte = ReadByte();
        length = ReadUInt16();
        if (length > Remaining)
        {
            throw DicomNetworkException.Malformed(
                $"{_context}: item 0x{type:X2} claims {length} bytes but only {Remaining} remain at offset {Position}.");
        }

        return type;
    }

    public readonly PduSpanReader Slice(int length, string context) => new(_data.Slice(Position, length), context);

    public readonly DicomNetworkException Error(string message) =>
        DicomNetworkException.Malformed($"{_context}: {message} (offset {Position}).");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw DicomNetworkException.Malformed(
                $"{_context}: needed {count} bytes at offset {Position} but only {Remaining} remain.");
        }

        var span = _data.Slice(Position, count);
        Position += count;
        return span;
    }

    private readonly string DecodeAscii(ReadOnlySpan<byte> bytes, string what)
    {
        foreach (var b in bytes)
        {
            if (b > 0x7E || (b < 0x20 && b != 0))
            {
                throw DicomNetworkException.Malformed($"{_context}: {what} contains byte 0x{b:X2} outside the default repertoire.");
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }
}
