using System.Buffers.Binary;
using System.Globalization;
using XrayTriage.Dicom.Text;

namespace XrayTriage.Dicom;

/// <summary>Converts element bytes (little endian) to and from strings and numbers by VR.</summary>
internal static class DicomValueCodec
{
    public static string[] DecodeStrings(DicomElement element, DicomCharacterSet characterSet)
    {
        var vr = element.VR;
        var bytes = element.Buffer.GetMemory().Span;
        if (vr.IsString)
        {
            var text = vr.UsesCharacterSet ? characterSet.Decode(bytes, vr) : DicomCharacterSet.DecodeDefault(bytes);
            if (text.AsSpan().TrimEnd(" \0").Length == 0)
            {
                return [];
            }

            var values = vr.IsSingleValueText ? [text] : text.Split('\\');
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Trim(vr, values[i]);
            }

            return values;
        }

        var count = ValueCount(element);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = vr == DicomVR.AT
                ? new DicomTag(
                    BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 4)..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(bytes[((i * 4) + 2)..])).ToString()
                : vr == DicomVR.FL || vr == DicomVR.FD || vr == DicomVR.OF || vr == DicomVR.OD
                    ? ReadDouble(bytes, vr, i).ToString("R", CultureInfo.InvariantCulture)
                    : vr == DicomVR.UV || vr == DicomVR.OV
                        ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]).ToString(CultureInfo.InvariantCulture)
                        : ReadInteger(bytes, vr, i).ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    public static string Trim(DicomVR vr, string value)
        => vr == DicomVR.DS || vr == DicomVR.IS ? value.Trim(' ', '\0') : value.TrimEnd(' ', '\0');

    public static int ValueCount(DicomElement element)
        => element.VR.IsString || element.VR.Kind == DicomVRKind.Sequence
            ? -1
            : (int)Math.Min(int.MaxValue, element.Length / element.VR.UnitSize);

    public static long ReadInteger(ReadOnlySpan<byte> bytes, DicomVR vr, int index) => vr.Code switch
    {
        "US" or "OW" => BinaryPrimitives.ReadUInt16LittleEndian(bytes[(index * 2)..]),
        "SS" => BinaryPrimitives.ReadInt16LittleEndian(bytes[(index * 2)..]),
        "UL" or "OL" => BinaryPrimitives.ReadUInt32LittleEndian(bytes[(index * 4)..]),
        "SL" => BinaryPrimitives.ReadInt32LittleEndian(bytes[(index * 4)..]),
        "SV" => BinaryPrimitives.ReadInt64LittleEndian(bytes[(index * 8)..]),
        "UV" or "OV" => (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes[(index * 8)..]),
        "OB" or "UN" => bytes[index],
        "FL" or "FD" or "OF" or "OD" => checked((long)ReadDouble(bytes, vr, index)),
        _ => throw new InvalidCastException($"VR {vr} is not numeric."),
    };

    public static double ReadDouble(ReadOnlySpan<byte> bytes, DicomVR vr, int index) => vr.Code switch
    {
        "FL" or "OF" => BinaryPrimitives.ReadSingleLittleEndian(bytes[(index * 4)..]),
        "FD" or "OD" => BinaryPrimitives.ReadDoubleLittleEndian(bytes[(index * 8)..]),
        _ => ReadInteger(bytes, vr, index),
    };

    public static DicomBuffer EncodeStrings(DicomVR vr, IReadOnlyList<string> values, DicomCharacterSet characterSet)
    {
        var text = string.Join('\\', values);
        var bytes = vr.UsesCharacterSet ? characterSet.Encode(text) : System.Text.Encoding.ASCII.GetBytes(text);
        return Pad(bytes, vr.PaddingByte);
    }

    public static DicomBuffer EncodeIntegers(DicomVR vr, IReadOnlyList<long> values)
    {
        if (vr.IsString)
        {
            return Pad(
                System.Text.Encoding.ASCII.GetBytes(string.Join('\\', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))),
                vr.PaddingByte);
        }

        if (vr == DicomVR.FL || vr == DicomVR.FD || vr == DicomVR.OF || vr == DicomVR.OD)
        {
            return EncodeDoubles(vr, [.. values.Select(v => (double)v)]);
        }

        var size = vr == DicomVR.AT ? 4 : vr.UnitSize;
        var bytes = new byte[values.Count * size];
        for (var i = 0; i < values.Count; i++)
        {
            var span = bytes.AsSpan(i * size);
            var v = values[i];
            switch (size)
            {
                case 1: bytes[i] = checked((byte)v); break;
                case 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(span, vr == DicomVR.SS ? (ushort)checked((short)v) : checked((ushort)v));
                    break;
                case 4 when vr == DicomVR.AT:
                    BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(v >> 16));
                    BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)v);
                    break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, vr == DicomVR.SL ? (uint)checked((int)v) : checked((uint)v)); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(span, v); break;
            }
        }

        return DicomBuffer.FromBytes(bytes);
    }

    public static DicomBuffer EncodeDoubles(DicomVR vr, IReadOnlyList<double> values)
    {
        if (vr.IsString)
        {
            return Pad(
                System.Text.Encoding.ASCII.GetBytes(string.Join('\\', values.Select(v => v.ToString("G10", CultureInfo.InvariantCulture)))),
                vr.PaddingByte);
        }

        if (vr != DicomVR.FL && vr != DicomVR.FD && vr != DicomVR.OF && vr != DicomVR.OD)
        {
            return EncodeIntegers(vr, [.. values.Select(v => checked((long)v))]);
        }

        var size = vr.UnitSize;
        var bytes = new byte[values.Count * size];
        for (var i = 0; i < values.Count; i++)
        {
            if (size == 4)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), (float)values[i]);
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
        }

        return DicomBuffer.FromBytes(bytes);
    }

    private static DicomBuffer Pad(byte[] bytes, byte padding)
    {
        if ((bytes.Length & 1) == 0)
        {
            return DicomBuffer.FromBytes(bytes);
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return DicomBuffer.FromBytes(padded);
    }
}
