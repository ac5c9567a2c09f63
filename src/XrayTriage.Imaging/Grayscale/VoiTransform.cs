using System.Globalization;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>Modality values → [0, 1] (PS3.3 C.11.2): a window (center/width and function) or a VOI LUT.</summary>
public sealed class VoiTransform
{
    private VoiTransform(double center, double width, VoiFunction function, LookupTable? lut, string source)
    {
        Center = center;
        Width = width;
        Function = function;
        Lut = lut;
        Source = source;
    }

    public double Center { get; }

    public double Width { get; }

    public VoiFunction Function { get; }

    public LookupTable? Lut { get; }

    /// <summary>Where the transform came from: the file's window #n, its VOI LUT, or the automatic window.</summary>
    public string Source { get; }

    public string Description => Lut is not null
        ? $"{Source}: VOI LUT ({Lut.Count} entries)"
        : string.Create(CultureInfo.InvariantCulture, $"{Source}: center {Center:R}, width {Width:R}, {Function}");

    public static VoiTransform Window(double center, double width, VoiFunction function, string source)
    {
        if (!double.IsFinite(center) || !double.IsFinite(width))
        {
            throw new ImagingException($"Window center/width {center}/{width} is not a number.");
        }

        // LINEAR requires width ≥ 1 and LINEAR_EXACT / SIGMOID width > 0 (C.11.2.1.2); clamp rather than divide by zero.
        var minimum = function == VoiFunction.Linear ? 1 : double.Epsilon;
        return new VoiTransform(center, Math.Max(width, minimum), function, null, source);
    }

    public static VoiTransform FromLut(LookupTable lut, string source) => new(0, 0, VoiFunction.Linear, lut, source);

    /// <summary>The output in [0, 1] for a modality value.</summary>
    public double Apply(double x)
    {
        if (Lut is not null)
        {
            return Lut[x] / Lut.MaxOutput;
        }

        switch (Function)
        {
            case VoiFunction.Sigmoid:
                return 1 / (1 + Math.Exp(-4 * (x - Center) / Width));
            case VoiFunction.LinearExact:
                if (x <= Center - (Width / 2))
                {
                    return 0;
                }

                return x > Center + (Width / 2) ? 1 : ((x - Center) / Width) + 0.5;
            default:
                if (x <= Center - 0.5 - ((Width - 1) / 2))
                {
                    return 0;
                }

                if (x > Center - 0.5 + ((Width - 1) / 2))
                {
                    return 1;
                }

                return Width == 1 ? 1 : ((x - (Center - 0.5)) / (Width - 1)) + 0.5;
        }
    }
}
