using System.Globalization;
using XrayTriage.Dicom;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Reads what a radiologist's viewer would: per referenced image, the Certainty of Finding (%) of each class
/// from the TID 1500 measurement groups of an SR, walking the content tree as PS3.3 C.17.3 defines it.</summary>
internal static class SrContent
{
    // The codes the conformance statement documents for the four classes (src/XrayTriage.Reporting/README.md).
    public static readonly IReadOnlyDictionary<string, string> LabelByCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["17621005"] = "normal",
        ["840539006"] = "covid19",
        ["75570004"] = "viral_pneumonia",
        ["263930000"] = "lung_opacity",
    };

    /// <summary>SOP Instance UID of the measured image → label → certainty in percent.</summary>
    public static Dictionary<string, Dictionary<string, double>> Certainties(DicomDataset sr)
    {
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var group in Descendants(sr).Where(i => ConceptCode(i) == "125007"))
        {
            var children = Children(group).ToList();
            var image = children.Single(c => c.GetString(DicomTags.ValueType) == "IMAGE")
                .GetSequence(DicomTags.ReferencedSOPSequence).Items[0].GetString(DicomTags.ReferencedSOPInstanceUID);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var num in children.Where(c => ConceptCode(c) == "111012"))
            {
                var finding = Children(num).Single(c => ConceptCode(c) == "121071").GetSequence(DicomTags.ConceptCodeSequence).Items[0];
                var measured = num.GetSequence(DicomTags.MeasuredValueSequence).Items[0];
                values[LabelByCode[finding.GetString(DicomTags.CodeValue)]] =
                    double.Parse(measured.GetString(DicomTags.NumericValue), CultureInfo.InvariantCulture);
            }

            result[image] = values;
        }

        return result;
    }

    private static IEnumerable<DicomDataset> Children(DicomDataset item)
        => item.TryGetSequence(DicomTags.ContentSequence, out var content) ? content.Items : [];

    private static IEnumerable<DicomDataset> Descendants(DicomDataset item)
        => Children(item).SelectMany(c => (IEnumerable<DicomDataset>)[c, .. Descendants(c)]);

    private static string? ConceptCode(DicomDataset item)
        => item.TryGetSequence(DicomTags.ConceptNameCodeSequence, out var name) ? name.Items[0].GetString(DicomTags.CodeValue) : null;
}
