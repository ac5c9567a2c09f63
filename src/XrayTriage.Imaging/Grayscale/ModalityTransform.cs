using System.Globalization;
using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>Stored values → modality values (PS3.3 C.11.1): Modality LUT Sequence when present, else Rescale
/// Slope/Intercept (identity when absent).</summary>
public sealed class ModalityTransform
{
    private ModalityTransform(double slope, double intercept, LookupTable? lut)
    {
        Slope = slope;
        Intercept = intercept;
        Lut = lut;
    }

    public static ModalityTransform Identity { get; } = new(1, 0, null);

    public double Slope { get; }

    public double Intercept { get; }

    public LookupTable? Lut { get; }

    /// <summary>Why the file's Modality LUT was not used, when it was unusable; null otherwise.</summary>
    public string? Ignored { get; private init; }

    public string Description => Lut is not null
        ? $"Modality LUT ({Lut.Count} entries)"
        : string.Create(CultureInfo.InvariantCulture, $"rescale {Slope:R}·x + {Intercept:R}");

    public double Apply(double stored) => Lut is not null ? Lut[stored] : (stored * Slope) + Intercept;

    public static ModalityTransform FromDataset(DicomDataset dataset, bool signedPixels)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string? ignored = null;
        if (dataset.TryGetSequence(DicomTags.ModalityLUTSequence, out var sequence) && sequence.Items.Count > 0)
        {
            if (LookupTable.TryFromItem(sequence.Items[0], signedPixels, out var problem) is { } lut)
            {
                return new ModalityTransform(1, 0, lut);
            }

            // As DCMTK does: an unusable Modality LUT is ignored and the rescale (or identity) applies.
            ignored = $"Modality LUT ignored: {problem}";
        }

        var slope = dataset.TryGetDouble(DicomTags.RescaleSlope, out var s) && s != 0 && double.IsFinite(s) ? s : 1;
        var intercept = dataset.TryGetDouble(DicomTags.RescaleIntercept, out var i) && double.IsFinite(i) ? i : 0;
        return slope == 1 && intercept == 0 && ignored is null
            ? Identity
            : new ModalityTransform(slope, intercept, null) { Ignored = ignored };
    }
}
