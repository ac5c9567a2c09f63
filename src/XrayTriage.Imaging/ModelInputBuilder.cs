using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Preprocessing;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>Display image → the exact tensor a member sees; the same steps as <c>models/training/preprocess.py</c>.</summary>
/// <remarks>
/// From an 8-bit grayscale <see cref="DisplayImage"/>:
/// (1) when <see cref="ModelInputSpec.TrimBorders"/>, flat outer lines are removed (<see cref="BorderTrim"/>);
/// (2) the image is resized to Width × Height by area averaging (<see cref="AreaResampler"/>; stretched, or with
/// <see cref="ResizeMode.Pad"/> fitted and padded black) into a 0–255 float plane;
/// (3) when <see cref="ModelInputSpec.ContrastPercentiles"/> is set, the plane (padding included) is stretched between
/// those quantiles (<see cref="ContrastStretch"/>);
/// (4) each channel c is (v / 255 − mean[c]) / std[c], the gray plane replicated to every channel; layout NCHW, N = 1.
/// </remarks>
public static class ModelInputBuilder
{
    public static float[] Build(DisplayImage image, ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
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

    /// <summary>The grayscale plane (0–255 floats) after trim, resize and contrast standardization (steps 1–3), before
    /// normalization: what <c>render --model-input</c> shows.</summary>
    public static float[] Fit(DisplayImage image, ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var plane = Resize(spec.TrimBorders ? BorderTrim.Apply(image) : image, spec);
        if (spec.ContrastPercentiles is var (low, high))
        {
            ContrastStretch.Apply(plane, low, high);
        }

        return plane;
    }

    private static float[] Resize(DisplayImage image, ModelInputSpec spec)
    {
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
