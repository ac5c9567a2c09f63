using System.Globalization;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Makes small J2K codestreams and JP2 files with OpenJPEG's opj_compress (Debian libopenjp2-tools) from
/// generated 12-bit pixels.</summary>
internal static class OpenJpegTool
{
    public const int Rows = 48;
    public const int Columns = 40;

    public static PixelGeometry Geometry { get; } = new(Rows, Columns, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0);

    public static int[] Pixels()
    {
        var random = new Random(12);
        return [.. Enumerable.Range(0, Rows * Columns).Select(i => ((i % Columns * 97) + (i / Columns * 13) + random.Next(64)) % 4096)];
    }

    /// <summary>Encodes <see cref="Pixels"/>; <paramref name="extension"/> is j2k or jp2, <paramref name="ratio"/> 0 for
    /// lossless.</summary>
    public static async Task<byte[]> EncodeAsync(string extension, int ratio)
    {
        var stem = Path.Combine(Path.GetTempPath(), $"xraytriage-opj-{Guid.NewGuid():N}");
        var input = stem + ".rawl";
        var output = stem + "." + extension;
        try
        {
            await File.WriteAllBytesAsync(input, [.. Pixels().SelectMany(v => new[] { (byte)v, (byte)(v >> 8) })]);
            string[] rate = ratio > 0 ? ["-r", ratio.ToString(CultureInfo.InvariantCulture)] : [];
            var result = await PeerTools.RunAsync("opj_compress",
                ["-i", input, "-o", output, "-F", FormattableString.Invariant($"{Columns},{Rows},1,12,u"), .. rate],
                TimeSpan.FromMinutes(1));
            result.EnsureSuccess("opj_compress (Debian package libopenjp2-tools)");
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
