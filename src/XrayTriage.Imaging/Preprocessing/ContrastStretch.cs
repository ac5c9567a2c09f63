namespace XrayTriage.Imaging.Preprocessing;

/// <summary>
/// Contrast standardization of a resized 0–255 plane: the low and high percentiles map to 0 and 255, values beyond
/// them are clamped. Identical to <c>contrast_stretch</c> in <c>models/training/preprocess.py</c>.
/// </summary>
/// <remarks>
/// With the n values sorted ascending, v<sub>lo</sub> = sorted[⌊low·(n − 1)⌋] and v<sub>hi</sub> = sorted[⌊high·(n − 1)⌋]
/// (the index product in double precision, as Python computes it). When v<sub>hi</sub> − v<sub>lo</sub> &lt; 1 the
/// plane is left unchanged (a blank film is not amplified into noise); otherwise every value v becomes
/// clamp((v − v<sub>lo</sub>) / (v<sub>hi</sub> − v<sub>lo</sub>), 0, 1) · 255.
/// </remarks>
public static class ContrastStretch
{
    /// <summary>Stretches <paramref name="plane"/> in place between its <paramref name="low"/> and
    /// <paramref name="high"/> quantiles (0 ≤ low &lt; high ≤ 1).</summary>
    public static void Apply(Span<float> plane, double low, double high)
    {
        if (!(low >= 0 && low < high && high <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"Percentiles ({low}, {high}) need 0 ≤ low < high ≤ 1.");
        }

        if (plane.IsEmpty)
        {
            return;
        }

        var sorted = plane.ToArray();
        Array.Sort(sorted);
        var last = sorted.Length - 1;
        var lo = sorted[(int)Math.Floor(low * last)];
        var hi = sorted[(int)Math.Floor(high * last)];
        if (hi - lo < 1)
        {
            return;
        }

        var range = hi - lo;
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = Math.Clamp((plane[i] - lo) / range, 0f, 1f) * 255f;
        }
    }
}
