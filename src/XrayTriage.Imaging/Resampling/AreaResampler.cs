namespace XrayTriage.Imaging.Resampling;

/// <summary>
/// Downscales by area averaging: each output pixel is the mean of the source area it covers, with fractional
/// weights at the edges (antialiased; no aliasing of fine structure such as ribs or grid lines). Separable: a
/// horizontal pass, then a vertical one. Upscaling falls back to the same weights (nearest-area coverage).
/// </summary>
public static class AreaResampler
{
    public static float[] Resize(ReadOnlySpan<byte> source, int width, int height, int outWidth, int outHeight)
    {
        if (width <= 0 || height <= 0 || outWidth <= 0 || outHeight <= 0 || source.Length < (long)width * height)
        {
            throw new ArgumentException($"Cannot resize {width}×{height} ({source.Length} bytes) to {outWidth}×{outHeight}.");
        }

        var horizontal = Weights(width, outWidth);
        var vertical = Weights(height, outHeight);
        var rows = new float[height * outWidth];
        for (var y = 0; y < height; y++)
        {
            var line = source.Slice(y * width, width);
            for (var x = 0; x < outWidth; x++)
            {
                var (first, weights) = horizontal[x];
                var sum = 0f;
                for (var k = 0; k < weights.Length; k++)
                {
                    sum += line[first + k] * weights[k];
                }

                rows[(y * outWidth) + x] = sum;
            }
        }

        var output = new float[outWidth * outHeight];
        for (var y = 0; y < outHeight; y++)
        {
            var (first, weights) = vertical[y];
            var target = output.AsSpan(y * outWidth, outWidth);
            for (var k = 0; k < weights.Length; k++)
            {
                var weight = weights[k];
                var sourceRow = rows.AsSpan((first + k) * outWidth, outWidth);
                for (var x = 0; x < outWidth; x++)
                {
                    target[x] += sourceRow[x] * weight;
                }
            }
        }

        return output;
    }

    /// <summary>For each output index: the first source index it covers and the normalized coverage weights.</summary>
    private static (int First, float[] Weights)[] Weights(int sourceSize, int outputSize)
    {
        var scale = (double)sourceSize / outputSize;
        var result = new (int, float[])[outputSize];
        for (var i = 0; i < outputSize; i++)
        {
            var start = i * scale;
            var end = Math.Min((i + 1) * scale, sourceSize);
            var first = (int)Math.Floor(start);
            var last = Math.Min((int)Math.Ceiling(end) - 1, sourceSize - 1);
            var weights = new float[last - first + 1];
            var total = 0.0;
            for (var s = first; s <= last; s++)
            {
                var coverage = Math.Min(end, s + 1) - Math.Max(start, s);
                weights[s - first] = (float)coverage;
                total += coverage;
            }

            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = (float)(weights[k] / total);
            }

            result[i] = (first, weights);
        }

        return result;
    }
}
