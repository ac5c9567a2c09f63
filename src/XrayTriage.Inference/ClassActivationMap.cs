namespace XrayTriage.Inference;

/// <summary>Combines the members' class activation maps into one heatmap at the display size.</summary>
public static class ClassActivationMap
{
    /// <summary>Upsamples each map bilinearly to <paramref name="width"/> × <paramref name="height"/> (pixel centres aligned,
    /// as PyTorch's <c>interpolate(align_corners=False)</c>), sums them weighted by ensemble weight (normalized) and
    /// min-max normalizes to [0, 1]; a constant map gives zeros.</summary>
    public static float[] Combine(IReadOnlyList<ClassMap> maps, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0)
        {
            throw new ArgumentException("At least one class map is needed.", nameof(maps));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)width * height, 1L << 26, "width × height");
        var totalWeight = 0.0;
        foreach (var map in maps)
        {
            if (map.Width < 1 || map.Height < 1 || map.Values.Length != map.Width * map.Height)
            {
                throw new ArgumentException($"A class map of {map.Width}×{map.Height} needs that many values (got {map.Values.Length}).", nameof(maps));
            }

            if (!double.IsFinite(map.Weight) || map.Weight < 0)
            {
                throw new ArgumentException($"Class map weights must be finite and not negative (got {map.Weight}).", nameof(maps));
            }

            totalWeight += map.Weight;
        }

        if (totalWeight <= 0)
        {
            throw new ArgumentException("Class map weights sum to zero.", nameof(maps));
        }

        var result = new float[width * height];
        foreach (var map in maps)
        {
            AddUpsampled(map, (float)(map.Weight / totalWeight), result, width, height);
        }

        Normalize(result);
        return result;
    }

    private static void AddUpsampled(ClassMap map, float weight, float[] target, int width, int height)
    {
        var source = map.Values.Span;
        var scaleX = (double)map.Width / width;
        var scaleY = (double)map.Height / height;
        Span<int> x0 = width <= 4096 ? stackalloc int[width] : new int[width];
        Span<float> fx = width <= 4096 ? stackalloc float[width] : new float[width];
        var maxX = map.Width - 1;
        for (var x = 0; x < width; x++)
        {
            var sx = Math.Clamp(((x + 0.5) * scaleX) - 0.5, 0, maxX);
            x0[x] = Math.Min((int)sx, Math.Max(maxX - 1, 0));
            fx[x] = (float)(sx - x0[x]);
        }

        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * scaleY) - 0.5, 0, map.Height - 1);
            var y0 = Math.Min((int)sy, Math.Max(map.Height - 2, 0));
            var y1 = Math.Min(y0 + 1, map.Height - 1);
            var fy = (float)(sy - y0);
            var top = source.Slice(y0 * map.Width, map.Width);
            var bottom = source.Slice(y1 * map.Width, map.Width);
            var row = target.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                var left = x0[x];
                var right = Math.Min(left + 1, maxX);
                var t = (top[left] * (1 - fx[x])) + (top[right] * fx[x]);
                var b = (bottom[left] * (1 - fx[x])) + (bottom[right] * fx[x]);
                row[x] += weight * ((t * (1 - fy)) + (b * fy));
            }
        }
    }

    private static void Normalize(float[] values)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var range = max - min;
        if (!float.IsFinite(range) || range <= 1e-6f * Math.Max(1f, Math.Max(Math.Abs(max), Math.Abs(min))))
        {
            Array.Clear(values);
            return;
        }

        var scale = 1f / range;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (values[i] - min) * scale;
        }
    }
}
