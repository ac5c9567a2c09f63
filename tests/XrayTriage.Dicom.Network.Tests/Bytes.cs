using System.Globalization;
using System.Text;

namespace XrayTriage.Dicom.Network.Tests;

/// <summary>Builds expected wire bytes from hex groups and ASCII text, so tests read like the standard's field tables.</summary>
internal static class Bytes
{
    public static byte[] Hex(string hex)
    {
        var parts = hex.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Select(p => byte.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>An AE title field: 16 bytes, space padded.</summary>
    public static byte[] Ae(string title) => Ascii(title.PadRight(16));

    public static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Zeros(int count) => new byte[count];

    public static byte[] UInt16(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] UInt32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
