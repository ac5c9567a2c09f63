using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;

namespace XrayTriage.Triage;

/// <summary>
/// The heatmap kept with each inference run: the ensemble's class activation map computed directly at a small size
/// (<see cref="InferenceHeatmap.MaxSide"/> pixels on the image's long side, the image's aspect kept) and quantized to
/// bytes. The members' maps are 7×7 or smaller, so 64 pixels lose nothing a viewer could see once the Reporting stage
/// scales it over the film, and the row stays a few kilobytes.
/// </summary>
internal static class StoredHeatmap
{
    /// <summary>The storage size for an image of <paramref name="width"/> × <paramref name="height"/>: the long side
    /// <see cref="InferenceHeatmap.MaxSide"/> (or the image's own, if smaller), the short side in proportion, at least 1.</summary>
    public static HeatmapSize SizeFor(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var longSide = Math.Max(width, height);
        var target = Math.Min(InferenceHeatmap.MaxSide, longSide);
        var shortSide = Math.Max(1, (int)Math.Round((double)Math.Min(width, height) * target / longSide, MidpointRounding.AwayFromZero));
        return width >= height ? new HeatmapSize(target, shortSide) : new HeatmapSize(shortSide, target);
    }

    /// <summary>Values in [0, 1] (the engine min-max normalizes the map) to 0..255, rounded; anything outside is clamped.</summary>
    public static InferenceHeatmap Quantize(Heatmap heatmap)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        var bytes = new byte[heatmap.Values.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var v = heatmap.Values[i];
            bytes[i] = float.IsNaN(v) ? (byte)0 : (byte)Math.Round(Math.Clamp(v, 0f, 1f) * 255f, MidpointRounding.AwayFromZero);
        }

        var stored = new InferenceHeatmap(heatmap.Width, heatmap.Height, bytes);
        stored.Validate();
        return stored;
    }
}
