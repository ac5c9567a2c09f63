using System.Diagnostics;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>
/// Bounded fuzz: 2,000 corrupted frames per codec (bit flips, mostly in the headers; truncation; garbage spans;
/// length-field damage), each decoded directly by the codec. The only acceptable outcomes are a frame of the right
/// size or an <see cref="ImagingException"/>; anything else, or a native crash of the test host, fails.
/// </summary>
public sealed class CodecFuzzTests(CodecFuzzSeeds seeds) : IClassFixture<CodecFuzzSeeds>
{
    private const int Iterations = 2000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("rle")]
    [InlineData("jpeg-lossless")]
    [InlineData("jpeg-baseline")]
    [InlineData("jpeg-ls")]
    [InlineData("jpeg-2000")]
    public void Decode_CorruptedFrames_OnlyImagingException(string codec)
    {
        var (decoder, frames) = seeds.ByCodec[codec];
        var random = new Random(codec.Length * 7919);
        var stopwatch = Stopwatch.StartNew();
        var rejected = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var (seed, geometry) = frames[iteration % frames.Count];
            var (mutated, how) = Mutate(seed, random);
            try
            {
                var native = decoder.Decode(mutated, geometry);
                Assert.True(native.Length >= geometry.FrameBytes, $"{codec} #{iteration} ({how}): {native.Length} bytes returned");
            }
            catch (ImagingException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{codec} #{iteration} ({how}) threw {e.GetType().Name}: {e.Message}");
            }

            Assert.True(stopwatch.Elapsed < Budget, $"{codec}: {iteration} iterations took over {Budget}");
        }

        Assert.InRange(rejected, Iterations / 20, Iterations);
    }

    private static (byte[] Frame, string How) Mutate(byte[] seed, Random random)
    {
        var frame = (byte[])seed.Clone();
        var headerEnd = Math.Min(frame.Length, 256);
        switch (random.Next(5))
        {
            case 0:
            {
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    var at = random.Next(2) == 0 ? random.Next(headerEnd) : random.Next(frame.Length);
                    frame[at] ^= (byte)(1 << random.Next(8));
                }

                return (frame, $"{flips} bit flips");
            }

            case 1:
            {
                var length = random.Next(frame.Length);
                return (frame[..length], $"truncated to {length}");
            }

            case 2:
            {
                var at = random.Next(frame.Length);
                var span = Math.Min(frame.Length - at, 1 + random.Next(64));
                random.NextBytes(frame.AsSpan(at, span));
                return (frame, $"{span} garbage bytes at {at}");
            }

            case 3:
            {
                var at = random.Next(Math.Max(1, headerEnd - 1));
                frame[at] = 0xFF;
                frame[at + 1 < frame.Length ? at + 1 : at] = (byte)random.Next(256);
                return (frame, $"marker-like bytes at {at}");
            }

            default:
            {
                var at = random.Next(headerEnd);
                var value = random.Next(4) switch { 0 => 0, 1 => 0xFF, 2 => 0x7F, _ => random.Next(256) };
                var count = Math.Min(frame.Length - at, 1 + random.Next(4));
                frame.AsSpan(at, count).Fill((byte)value);
                return (frame, $"{count} header bytes set to {value:X2} at {at}");
            }
        }
    }
}
