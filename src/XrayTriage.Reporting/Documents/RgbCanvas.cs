namespace XrayTriage.Reporting.Documents;

/// <summary>An 8-bit RGB raster (pixel-interleaved, Planar Configuration 0) to draw the caption on.</summary>
internal sealed class RgbCanvas(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = rgb.Length == width * height * 3
        ? rgb
        : throw new ArgumentException("RGB buffer size does not match the canvas.", nameof(rgb));

    public void Set(int x, int y, (byte R, byte G, byte B) colour)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        Pixels[i] = colour.R;
        Pixels[i + 1] = colour.G;
        Pixels[i + 2] = colour.B;
    }

    /// <summary>Darkens a rectangle towards black by <paramref name="opacity"/> (0–1), so text stays legible on any film.</summary>
    public void Shade(int x, int y, int width, int height, float opacity)
    {
        var x1 = Math.Min(Width, x + width);
        var y1 = Math.Min(Height, y + height);
        for (var row = Math.Max(0, y); row < y1; row++)
        {
            for (var column = Math.Max(0, x); column < x1; column++)
            {
                var i = ((row * Width) + column) * 3;
                for (var c = 0; c < 3; c++)
                {
                    Pixels[i + c] = (byte)Math.Round(Pixels[i + c] * (1f - opacity));
                }
            }
        }
    }
}
