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
                throw new ArgumentException(
                    $"A class map of {map.Width}×{map.Height} needs that many values (got {map.Values.Length}).", nameof(maps));
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
        foreach (var group in maps.GroupBy(m => (m.Width, m.Height)))
        {
            // Upsampling is linear: maps of one size are summed at their own (small) size and upsampled once.
            var summed = new float[group.Key.Width * group.Key.Height];
            foreach (var map in group)
            {
                var values = map.Values.Span;
                var w = (float)(map.Weight / totalWeight);
                for (var i = 0; i < summed.Length; i++)
                {
                    summed[i] += w * values[i];
                }
            }

            AddUpsampled(new ClassMap(summed, group.Key.Width, group.Key.Height, 1), 1f, result, width, height);
        }

        Normalize(result);
        return result;
    }

    /// <summary>Separable: each output row first blends two source rows (source width), then every output pixel blends
    /// two neighbours of that blended row with precomputed indexes and weights (the member weight folded in).</summary>
    private static void AddUpsampled(ClassMap map, float weight, float[] target, int width, int height)
    {
        var source = map.Values.Span;
        var scaleX = (double)map.Width / width;
        var scaleY = (double)map.Height / height;
        var left = new int[width];
        var right = new int[width];
        var leftWeight = new float[width];
        var rightWeight = new float[width];
        for (var x = 0; x < width; x++)
        {
            var sx = Math.Clamp(((x + 0.5) * scaleX) - 0.5, 0, map.Width - 1);
            left[x] = (int)sx;
            right[x] = Math.Min(left[x] + 1, map.Width - 1);
            var fx = (float)(sx - left[x]);
            leftWeight[x] = weight * (1 - fx);
            rightWeight[x] = weight * fx;
        }

        Span<float> blended = map.Width <= 1024 ? stackalloc float[map.Width] : new float[map.Width];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * scaleY) - 0.5, 0, map.Height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, map.Height - 1);
            var fy = (float)(sy - y0);
            var top = source.Slice(y0 * map.Width, map.Width);
            var bottom = source.Slice(y1 * map.Width, map.Width);
            for (var x = 0; x < map.Width; x++)
            {
                blended[x] = (top[x] * (1 - fy)) + (bottom[x] * fy);
            }

            var row = target.AsSpan(y * width, width);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] += (blended[left[x]] * leftWeight[x]) + (blended[right[x]] * rightWeight[x]);
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
