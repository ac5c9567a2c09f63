using System.Globalization;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Resampling;

public sealed class AreaResamplerTests
{
    [Fact]
    public void Resize_HalvingFourByFour_GivesBlockMeans()
    {
        byte[] source =
        [
            0, 2, 10, 20,
            4, 6, 30, 40,
            100, 100, 0, 0,
            100, 100, 0, 255,
        ];

        var result = AreaResampler.Resize(source, 4, 4, 2, 2);

        Assert.Equal([3f, 25f, 100f, 63.75f], result);
    }

    [Fact]
    public void Resize_ThreeToTwo_WeighsTheSharedPixelByItsCoverage()
    {
        byte[] source = [30, 60, 90];

        var result = AreaResampler.Resize(source, 3, 1, 2, 1);

        Assert.Equal((30 + (0.5f * 60)) / 1.5f, result[0], 3);
        Assert.Equal(((0.5f * 60) + 90) / 1.5f, result[1], 3);
    }

    [Fact]
    public void Resize_UniformImage_StaysUniform()
    {
        var source = Enumerable.Repeat((byte)77, 1000 * 617).ToArray();

        var result = AreaResampler.Resize(source, 1000, 617, 224, 224);

        Assert.All(result, v => Assert.Equal(77f, v, 3));
    }

    [Fact]
    public async Task Resize_IntegerFactor_MatchesPillowReduce()
    {
        const int width = 160, height = 93, outWidth = 32, outHeight = 31;
        var random = new Random(1234);
        var source = new byte[width * height];
        random.NextBytes(source);
        var raw = Path.Combine(Path.GetTempPath(), $"xraytriage-resize-{Guid.NewGuid():N}.raw");
        await File.WriteAllBytesAsync(raw, source);
        try
        {
            // Pillow's reduce() is exact block averaging for integer factors (its BOX resize filter is not: it
            // includes or drops whole source pixels by their centres); fractional coverage is checked above by hand.
            const string script = """
                import sys
                from PIL import Image
                w, h, ow, oh = map(int, sys.argv[2:6])
                img = Image.frombytes("L", (w, h), open(sys.argv[1], "rb").read()).convert("F")
                out = img.reduce((w // ow, h // oh))
                print(" ".join(repr(v) for v in out.getdata()))
                """;
            var result = await PeerTools.RunPythonAsync(script, [raw, $"{width}", $"{height}", $"{outWidth}", $"{outHeight}"]);
            var expected = result.EnsureSuccess("pillow").StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();

            var ours = AreaResampler.Resize(source, width, height, outWidth, outHeight);

            Assert.Equal(expected.Length, ours.Length);
            for (var i = 0; i < ours.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - ours[i]) < 0.01, $"pixel {i}: pillow {expected[i]}, ours {ours[i]}");
            }
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
