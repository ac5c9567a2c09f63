namespace XrayTriage.Web.Data;

/// <summary>Bilinear upsampling of a small stored heatmap (values 0–1, row-major) to the display image's size.</summary>
internal static class HeatmapScaler
{
    public static float[] Upsample(float[] heat, int width, int height, int targetWidth, int targetHeight)
    {
        ArgumentNullException.ThrowIfNull(heat);
        if (heat.Length != width * height || width < 1 || height < 1)
        {
            throw new ArgumentException($"{heat.Length} values for a {width}×{height} heatmap.", nameof(heat));
        }

        var result = new float[targetWidth * targetHeight];
        for (var y = 0; y < targetHeight; y++)
        {
            var sy = Math.Clamp((((y + 0.5f) * height) / targetHeight) - 0.5f, 0f, height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, height - 1);
            var fy = sy - y0;
            for (var x = 0; x < targetWidth; x++)
            {
                var sx = Math.Clamp((((x + 0.5f) * width) / targetWidth) - 0.5f, 0f, width - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, width - 1);
                var fx = sx - x0;
                var top = (heat[(y0 * width) + x0] * (1 - fx)) + (heat[(y0 * width) + x1] * fx);
                var bottom = (heat[(y1 * width) + x0] * (1 - fx)) + (heat[(y1 * width) + x1] * fx);
                result[(y * targetWidth) + x] = (top * (1 - fy)) + (bottom * fy);
            }
        }

        return result;
    }
}
