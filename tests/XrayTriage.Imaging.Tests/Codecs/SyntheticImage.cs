using System.Globalization;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Makes a native MONOCHROME2 test object with <c>dump2dcm</c> from generated pixels: smooth gradients, noise
/// and hard edges across the full range of Bits Stored, so that every predictor and difference category is exercised.</summary>
internal static class SyntheticImage
{
    public static async Task<string> CreateAsync(int rows, int columns, int bitsStored, bool isSigned, int seed)
    {
        var stem = Path.Combine(Path.GetTempPath(), $"xraytriage-synthetic-{Guid.NewGuid():N}");
        var raw = stem + ".raw";
        var dump = stem + ".txt";
        var output = stem + ".dcm";
        var random = new Random(seed);
        var max = (1 << bitsStored) - 1;
        var pixels = new byte[rows * columns * 2];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var value = ((x * max / Math.Max(1, columns - 1)) + (y * 37)) % (max + 1);
                value = (x / 16 + y / 16) % 5 == 0 ? random.Next(max + 1) : value;
                value = x % 23 == 0 ? max : x % 29 == 0 ? 0 : value;
                pixels[((y * columns) + x) * 2] = (byte)value;
                pixels[((y * columns) + x) * 2 + 1] = (byte)(value >> 8);
            }
        }

        await File.WriteAllBytesAsync(raw, pixels);
        var c = CultureInfo.InvariantCulture;
        string[] lines =
        [
            "(0002,0010) UI =LittleEndianExplicit",
            "(0008,0016) UI =SecondaryCaptureImageStorage",
            "(0008,0018) UI [1.2.826.0.1.3680043.2.1143.1." + seed.ToString(c) + "]",
            "(0008,0060) CS [OT]",
            "(0028,0002) US 1",
            "(0028,0004) CS [MONOCHROME2]",
            "(0028,0010) US " + rows.ToString(c),
            "(0028,0011) US " + columns.ToString(c),
            "(0028,0100) US 16",
            "(0028,0101) US " + bitsStored.ToString(c),
            "(0028,0102) US " + (bitsStored - 1).ToString(c),
            "(0028,0103) US " + (isSigned ? "1" : "0"),
            "(7fe0,0010) OW =" + raw,
        ];
        await File.WriteAllLinesAsync(dump, lines);
        try
        {
            var result = await PeerTools.RunAsync("dump2dcm", ["+E", "-g", dump, output], TimeSpan.FromMinutes(1));
            result.EnsureSuccess("dump2dcm");
            return output;
        }
        finally
        {
            File.Delete(raw);
            File.Delete(dump);
        }
    }
}
