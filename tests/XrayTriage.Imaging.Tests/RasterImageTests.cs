using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>Our PNG/JPEG → gray decode against Pillow's <c>convert("L")</c> on files of the shared CXR set: PNG must
/// match exactly; JPEG within 2 gray levels (SkiaSharp bundles its own libjpeg-turbo, Pillow uses the system's; both
/// decode with the accurate integer IDCT and fancy upsampling, and on this set they agree exactly: max difference 0
/// over all 1594 JPEGs, measured 2026-11).</summary>
public sealed class RasterImageTests
{
    /// <summary>One file of each kind found in the set (relative to <c>../shared/data/cxr</c>).</summary>
    internal static readonly string[] SampleFiles =
    [
        "val/covid19/14ffee49e4571091.png",  // PNG, grayscale, 512×479
        "val/covid19/2794e4f4310f3dbc.png",  // PNG, RGB, 508×476
        "val/normal/0704966aeed81441.jpg",   // JPEG, RGB, 224×224
        "val/covid19/0333b61979c4b0b6.jpg",  // JPEG, RGB, 775×675, with EXIF
        "val/covid19/18c6bd59482cf75b.jpg",  // JPEG, RGB, progressive, 1200×1197
        "val/covid19/19dc04fce207406a.jpg",  // JPEG, grayscale, 1024×1015
    ];

    public static TheoryData<string> Samples => [.. SampleFiles];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Load_SharedSample_MatchesPillowConvertL(string relative)
    {
        var path = Path.Combine(RepositoryPaths.CxrData, relative);
        var (width, height, expected) = (await PillowGrayAsync([path])).Single();

        var image = RasterImage.Load(path);

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(RasterImage.Window, image.Window);
        var maxDifference = MaxAbsDifference(image.Pixels, expected);
        Assert.True(maxDifference <= (relative.EndsWith(".png", StringComparison.Ordinal) ? 0 : 2),
            $"{relative}: max |ours − Pillow| = {maxDifference}");
    }

    [Fact]
    public async Task Load_EveryValidationImage_PngExactJpegWithinTwoLevels()
    {
        var paths = Directory.GetFiles(Path.Combine(RepositoryPaths.CxrData, "val"), "*.*g", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var expected = await PillowGrayAsync(paths);

        var failures = new List<string>();
        var worstJpeg = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            var difference = MaxAbsDifference(RasterImage.Load(paths[i]).Pixels, expected[i].Gray);
            var isPng = paths[i].EndsWith(".png", StringComparison.Ordinal);
            worstJpeg = isPng ? worstJpeg : Math.Max(worstJpeg, difference);
            if (difference > (isPng ? 0 : 2))
            {
                failures.Add($"{Path.GetRelativePath(RepositoryPaths.CxrData, paths[i])}: {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"Worst JPEG difference {worstJpeg}; over tolerance:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Decode_RgbPixel_UsesPillowIntegerLuma()
    {
        using var bitmap = new SkiaSharp.SKBitmap(
            new SkiaSharp.SKImageInfo(2, 1, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SkiaSharp.SKColor(200, 100, 50, 255));
        bitmap.SetPixel(1, 0, new SkiaSharp.SKColor(255, 255, 255, 0));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);

        var image = RasterImage.Decode(png.AsSpan());

        Assert.Equal(((200 * 19595) + (100 * 38470) + (50 * 7471) + 0x8000) >> 16, image.Pixels[0]);
        Assert.Equal(255, image.Pixels[1]); // alpha ignored, not composited
    }

    [Fact]
    public void Decode_HeaderOverPixelLimit_ThrowsBeforeDecoding()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.CxrData, "val/covid19/14ffee49e4571091.png"));

        var error = Assert.Throws<ImagingException>(() => RasterImage.Decode(bytes, new ImagingLimits { MaxPixelCount = 1000 }));

        Assert.Contains("512×479", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DeclaredGiantPng_ThrowsWithoutAllocating()
    {
        // A valid PNG (68 bytes) whose IHDR declares 100000 × 100000 8-bit gray pixels: 10 GB once decoded.
        var bytes = Convert.FromHexString(
            "89504E470D0A1A0A" + "0000000D49484452000186A0000186A008000000008D395414" +
            "0000000B49444154789C6360800100000A00017F80745E" + "0000000049454E44AE426082");

        var error = Assert.Throws<ImagingException>(() => RasterImage.Decode(bytes));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3B })]
    public void Decode_CorruptOrUnsupported_ThrowsImagingException(byte[] bytes)
    {
        Assert.Throws<ImagingException>(() => RasterImage.Decode(bytes));
    }

    [Fact]
    public void Decode_TruncatedJpeg_ThrowsImagingException()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.CxrData, "val/normal/0704966aeed81441.jpg"));

        Assert.Throws<ImagingException>(() => RasterImage.Decode(bytes.AsSpan(0, bytes.Length / 2)));
    }

    internal static int MaxAbsDifference(byte[] ours, byte[] theirs)
    {
        Assert.Equal(theirs.Length, ours.Length);
        var max = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            max = Math.Max(max, Math.Abs(ours[i] - theirs[i]));
        }

        return max;
    }

    /// <summary>Runs Oracles/pillow_gray.py once over <paramref name="paths"/>: size and gray bytes per file.</summary>
    internal static async Task<List<(int Width, int Height, byte[] Gray)>> PillowGrayAsync(IReadOnlyList<string> paths)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Oracles", "pillow_gray.py"));
        var outDir = Directory.CreateTempSubdirectory("pillow-gray-");
        try
        {
            var result = await PeerTools.RunPythonAsync(script, [outDir.FullName, .. paths], TimeSpan.FromMinutes(2));
            result.EnsureSuccess("Pillow oracle");
            var images = new List<(int, int, byte[])>();
            foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var index = root.GetProperty("index").GetInt32();
                images.Add((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(),
                    await File.ReadAllBytesAsync(Path.Combine(outDir.FullName, $"{index}.gray"))));
            }

            Assert.Equal(paths.Count, images.Count);
            return images;
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }
}
