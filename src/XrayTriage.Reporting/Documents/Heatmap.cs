using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Documents;

/// <summary>A class activation map at the network's resolution (e.g. 64×52): row-major heat 0–255, upsampled
/// bilinearly onto the film when the capture is drawn.</summary>
public sealed record Heatmap(int Width, int Height, byte[] Values)
{
    /// <summary>The heatmap an inference run stored (same layout: row-major 0–255 over the whole image).</summary>
    public static Heatmap From(InferenceHeatmap stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        stored.Validate();
        return new Heatmap(stored.Width, stored.Height, stored.Values);
    }

    public void Validate()
    {
        if (Width <= 0 || Height <= 0 || Width > 4096 || Height > 4096 || Values is null || Values.Length != Width * Height)
        {
            throw new ArgumentException($"Heatmap {Width}×{Height} must be 1–4096 on each side and hold exactly {Width}×{Height} values (has {Values?.Length ?? 0}).");
        }
    }

    /// <summary>Heat 0–1 at a pixel of a <paramref name="width"/>×<paramref name="height"/> image, sampling pixel centres bilinearly.</summary>
    public float[] Upsample(int width, int height)
    {
        Validate();
        var heat = new float[width * height];
        var sx = (float)Width / width;
        var sy = (float)Height / height;
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0f, Height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, Height - 1);
            var wy = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0f, Width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, Width - 1);
                var wx = fx - x0;
                var top = (Values[(y0 * Width) + x0] * (1 - wx)) + (Values[(y0 * Width) + x1] * wx);
                var bottom = (Values[(y1 * Width) + x0] * (1 - wx)) + (Values[(y1 * Width) + x1] * wx);
                heat[(y * width) + x] = ((top * (1 - wy)) + (bottom * wy)) / 255f;
            }
        }

        return heat;
    }
}
