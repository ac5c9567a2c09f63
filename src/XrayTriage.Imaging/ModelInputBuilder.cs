using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>Display image → the exact tensor a member sees: resized by area averaging, scaled to [0, 1],
/// normalized per channel, grayscale replicated; layout NCHW with N = 1.</summary>
public static class ModelInputBuilder
{
    public static float[] Build(DisplayImage image, ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var plane = Fit(image, spec);
        var size = spec.Width * spec.Height;
        var tensor = new float[spec.Channels * size];
        for (var c = 0; c < spec.Channels; c++)
        {
            var mean = spec.Mean[c];
            var scale = 1f / (255f * spec.Std[c]);
            var offset = mean / spec.Std[c];
            var channel = tensor.AsSpan(c * size, size);
            for (var i = 0; i < size; i++)
            {
                channel[i] = (plane[i] * scale) - offset;
            }
        }

        return tensor;
    }

    /// <summary>The resized grayscale plane (0–255 floats) before normalization: what <c>render --model-input</c> shows.</summary>
    public static float[] Fit(DisplayImage image, ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Resize == ResizeMode.Stretch)
        {
            return AreaResampler.Resize(image.Pixels, image.Width, image.Height, spec.Width, spec.Height);
        }

        var scale = Math.Min((double)spec.Width / image.Width, (double)spec.Height / image.Height);
        var w = Math.Clamp((int)Math.Round(image.Width * scale), 1, spec.Width);
        var h = Math.Clamp((int)Math.Round(image.Height * scale), 1, spec.Height);
        var inner = AreaResampler.Resize(image.Pixels, image.Width, image.Height, w, h);
        var plane = new float[spec.Width * spec.Height];
        var left = (spec.Width - w) / 2;
        var top = (spec.Height - h) / 2;
        for (var y = 0; y < h; y++)
        {
            inner.AsSpan(y * w, w).CopyTo(plane.AsSpan(((top + y) * spec.Width) + left, w));
        }

        return plane;
    }
}
