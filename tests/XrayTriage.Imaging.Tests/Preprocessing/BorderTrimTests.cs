using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Preprocessing;

namespace XrayTriage.Imaging.Tests.Preprocessing;

public sealed class BorderTrimTests
{
    /// <summary>Noise over 0–255: every row and column spans far more than 24 levels.</summary>
    internal static byte[] Textured(int width, int height, int seed = 7)
    {
        var pixels = new byte[width * height];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    private static void Fill(byte[] pixels, int width, int left, int top, int w, int h, byte value)
    {
        for (var y = top; y < top + h; y++)
        {
            pixels.AsSpan((y * width) + left, w).Fill(value);
        }
    }

    [Fact]
    public void FindContent_BlackAndWhiteBars_RemovesExactlyTheBars()
    {
        var pixels = Textured(64, 48);
        Fill(pixels, 64, 0, 0, 5, 48, 250);    // near-white bar on the left
        Fill(pixels, 64, 62, 0, 2, 48, 3);     // black bar on the right
        Fill(pixels, 64, 0, 0, 64, 6, 0);      // black bar on top
        Fill(pixels, 64, 0, 45, 64, 3, 255);   // white bar at the bottom

        var content = BorderTrim.FindContent(pixels, 64, 48);

        Assert.Equal((5, 6, 57, 39), content);
    }

    [Fact]
    public void FindContent_UniformImage_TrimsAtMostAQuarterPerSide()
    {
        var pixels = Enumerable.Repeat((byte)0, 80 * 100).ToArray();

        var content = BorderTrim.FindContent(pixels, 80, 100);

        // ⌊100/4⌋ = 25 rows from the top and from the bottom, ⌊80/4⌋ = 20 columns from the left and from the right.
        Assert.Equal((20, 25, 40, 50), content);
    }

    [Fact]
    public void FindContent_OddSizes_UseFloorOfAQuarter()
    {
        var pixels = Enumerable.Repeat((byte)9, 71 * 67).ToArray();

        var content = BorderTrim.FindContent(pixels, 71, 67);

        Assert.Equal((17, 16, 71 - 34, 67 - 32), content);
    }

    [Fact]
    public void Apply_TexturedImage_ReturnsTheSameImage()
    {
        var image = new DisplayImage(50, 40, Textured(50, 40), "test", false);

        Assert.Same(image, BorderTrim.Apply(image));
    }

    [Fact]
    public void FindContent_RangeOf24_IsFlatButRangeOf25_IsNot()
    {
        var pixels = Textured(40, 40);
        for (var x = 0; x < 40; x++)
        {
            pixels[x] = (byte)(100 + (x % 25));          // row 0: 100–124, flat
            pixels[40 + x] = (byte)(100 + (x % 26));     // row 1: 100–125, not flat
        }

        Assert.Equal(1, BorderTrim.FindContent(pixels, 40, 40).Top);
    }

    [Fact]
    public void FindContent_Columns_AreJudgedOverTheRemainingRowsOnly()
    {
        var pixels = Textured(40, 40);
        Fill(pixels, 40, 0, 0, 40, 4, 255);  // white bar over the top 4 rows
        Fill(pixels, 40, 0, 4, 3, 36, 0);    // black columns below it: 0 and 255 in full height, flat under the bar

        var content = BorderTrim.FindContent(pixels, 40, 40);

        Assert.Equal((3, 4, 37, 36), content);
    }

    [Fact]
    public void FindContent_RemainderUnder16Pixels_KeepsTheWholeImage()
    {
        var pixels = Enumerable.Repeat((byte)128, 20 * 40).ToArray(); // would leave 10 × 20

        Assert.Equal((0, 0, 20, 40), BorderTrim.FindContent(pixels, 20, 40));
    }

    [Fact]
    public void Apply_Bars_CropsThePixelsRowByRow()
    {
        var pixels = Textured(32, 32);
        Fill(pixels, 32, 0, 0, 32, 2, 0);
        var image = new DisplayImage(32, 32, pixels, "test", false);

        var trimmed = BorderTrim.Apply(image);

        Assert.Equal((32, 30), (trimmed.Width, trimmed.Height));
        Assert.Equal(pixels[64..], trimmed.Pixels);
        Assert.Equal("test", trimmed.Window);
    }
}
