using System.Globalization;
using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>
/// The grayscale standard display pipeline (PS3.4 N.2): stored → Modality LUT → VOI (window, VOI LUT or automatic)
/// → Presentation LUT, with MONOCHROME1 inverted so that bone is bright. Output: 8-bit display image.
/// </summary>
public static class GrayscaleRenderer
{
    public static DisplayImage Render(DicomDataset dataset, Pixels.PixelGeometry geometry, int[] stored, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(options);
        if (!geometry.IsMonochrome)
        {
            throw new ImagingException($"Photometric Interpretation \"{geometry.PhotometricInterpretation}\" is not grayscale.");
        }

        var modality = ModalityTransform.FromDataset(dataset, geometry.IsSigned);
        var padding = PixelPadding.FromDataset(dataset);
        var voi = GivenVoi(dataset, geometry, modality, options, out var ignoredVoiLut)
            ?? AutoWindow.Compute(stored, modality, padding, options.LowPercentile, options.HighPercentile);
        var invert = Inverts(dataset, geometry);

        // Stored values span a small range (≤ 16 bits in practice): map each possible value once through the whole
        // chain into a table, then the frame is one table look-up per pixel.
        var (min, max) = Range(stored);
        var table = new byte[(long)max - min < MaxTableSize ? max - min + 1 : 0];
        for (var v = 0; v < table.Length; v++)
        {
            table[v] = Map(min + v, modality, voi, invert, padding, options.BlackenPadding);
        }

        // Every element is written below, so the (large-object) array need not be zeroed first.
        var output = GC.AllocateUninitializedArray<byte>(stored.Length);
        if (table.Length > 0)
        {
            ReadOnlySpan<byte> lookup = table;
            for (var i = 0; i < stored.Length; i++)
            {
                output[i] = lookup[stored[i] - min];
            }
        }
        else
        {
            for (var i = 0; i < stored.Length; i++)
            {
                output[i] = Map(stored[i], modality, voi, invert, padding, options.BlackenPadding);
            }
        }

        return new DisplayImage(geometry.Columns, geometry.Rows, output, voi.Description, invert)
        {
            Notes = [.. new[] { modality.Ignored, ignoredVoiLut }.OfType<string>()],
        };
    }

    private const long MaxTableSize = 1 << 22;

    internal static byte Map(
        int stored, ModalityTransform modality, VoiTransform voi, bool invert, PixelPadding padding, bool blackenPadding)
    {
        if (blackenPadding && padding.IsPadding(stored))
        {
            return 0;
        }

        var y = voi.Apply(modality.Apply(stored));
        return (byte)Math.Round(Math.Clamp(invert ? 1 - y : y, 0, 1) * 255);
    }

    private static (int Min, int Max) Range(int[] stored)
    {
        if (stored.Length == 0)
        {
            return (0, 0);
        }

        int min = stored[0], max = stored[0];
        foreach (var s in stored)
        {
            if (s < min)
            {
                min = s;
            }
            else if (s > max)
            {
                max = s;
            }
        }

        return (min, max);
    }

    /// <summary>MONOCHROME1 shows low values bright, so it is inverted; for MONOCHROME2 a Presentation LUT
    /// Shape of INVERSE inverts (for MONOCHROME1 the IODs require INVERSE to mean the same single inversion).</summary>
    internal static bool Inverts(DicomDataset dataset, Pixels.PixelGeometry geometry)
    {
        if (geometry.PhotometricInterpretation == "MONOCHROME1")
        {
            return true;
        }

        return dataset.TryGetString(DicomTags.PresentationLUTShape, out var shape) && shape.Trim() == "INVERSE";
    }

    /// <summary>The VOI the user or the file gives; null when the window must be computed from the pixels. Sets
    /// <paramref name="ignoredVoiLut"/> to why the file's VOI LUT was unusable and ignored, or null.</summary>
    internal static VoiTransform? GivenVoi(
        DicomDataset dataset, Pixels.PixelGeometry geometry, ModalityTransform modality, RenderOptions options, out string? ignoredVoiLut)
    {
        ignoredVoiLut = null;
        if (options.Window is { } chosen)
        {
            // LINEAR is defined for a width of at least 1 (PS3.3 C.11.2.1.2.1); a narrower chosen window (modality
            // values in small units, e.g. PET with a tiny rescale slope) is applied as LINEAR_EXACT, like the
            // automatic window it was usually copied from.
            return VoiTransform.Window(
                chosen.Center, chosen.Width, chosen.Width >= 1 ? VoiFunction.Linear : VoiFunction.LinearExact, "chosen window");
        }

        if (!options.ForceAutoWindow)
        {
            var hasLut = dataset.TryGetSequence(DicomTags.VOILUTSequence, out var lutSequence) && lutSequence.Items.Count > 0;
            var window = options.PreferVoiLut && hasLut ? null : FileWindow(dataset, options.WindowIndex);
            if (window is not null)
            {
                return window;
            }

            if (hasLut)
            {
                // The VOI LUT's first mapped value is a modality value, signed when modality values can be negative.
                var signedInput = geometry.IsSigned || modality.Intercept < 0;
                if (LookupTable.TryFromItem(lutSequence.Items[0], signedInput, out var problem) is { } lut)
                {
                    return VoiTransform.FromLut(lut, "file VOI LUT #1");
                }

                ignoredVoiLut = $"VOI LUT ignored: {problem}";
                return options.PreferVoiLut ? FileWindow(dataset, options.WindowIndex) : null;
            }
        }

        return null;
    }

    private static VoiTransform? FileWindow(DicomDataset dataset, int index)
    {
        if (!dataset.TryGetString(DicomTags.WindowCenter, out var centers) || !dataset.TryGetString(DicomTags.WindowWidth, out var widths))
        {
            return null;
        }

        var c = centers.Split('\\');
        var w = widths.Split('\\');
        var i = Math.Min(index, Math.Min(c.Length, w.Length) - 1);
        if (!TryParse(c[i], out var center) || !TryParse(w[i], out var width) || width <= 0)
        {
            return null;
        }

        var function = dataset.TryGetString(DicomTags.VOILUTFunction, out var f) ? f.Trim() : "";
        var voiFunction = function switch
        {
            "LINEAR_EXACT" => VoiFunction.LinearExact,
            "SIGMOID" => VoiFunction.Sigmoid,
            _ => VoiFunction.Linear,
        };
        return VoiTransform.Window(center, width, voiFunction, $"file window #{i + 1}");
    }

    private static bool TryParse(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
