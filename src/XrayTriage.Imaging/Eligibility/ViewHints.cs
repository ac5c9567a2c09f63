using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Eligibility;

/// <summary>
/// Lateral projections that View Position does not name (it is Type 2 and often empty, and Secondary Captures do not
/// carry it). Two standard attributes still tell: Patient Orientation (0020,0020), whose first value is the patient
/// direction of the rows (PS3.3 C.7.6.1.1.1): anterior (A) or posterior (P) rows mean the beam went from side to side,
/// a frontal film's rows run right/left; and View Code Sequence (0054,0220), whose code meaning names a lateral view
/// (CID 4010 "DX View": "left lateral", "right lateral", "latero-medial"…; a "lateral decubitus" film is frontal).
/// </summary>
internal static class ViewHints
{
    public static string? LateralProjection(DicomDataset dataset)
    {
        if (dataset.TryGetString(DicomTags.PatientOrientation, out var orientation))
        {
            var values = orientation.Split('\\');
            var rows = values[0].Trim().ToUpperInvariant();
            if (values.Length == 2 && rows.Length > 0 && rows[0] is 'A' or 'P')
            {
                return $"Patient Orientation {rows}\\{values[1].Trim().ToUpperInvariant()}: "
                    + "rows run anterior-posterior, a lateral projection";
            }
        }

        if (dataset.TryGetSequence(DicomTags.ViewCodeSequence, out var views) && views.Items.Count > 0
            && views.Items[0].TryGetString(DicomTags.CodeMeaning, out var meaning)
            && (meaning.Contains("LATERAL", StringComparison.OrdinalIgnoreCase)
                || meaning.Contains("LATERO", StringComparison.OrdinalIgnoreCase))
            && !meaning.Contains("DECUBITUS", StringComparison.OrdinalIgnoreCase))
        {
            return $"View Code Sequence names a lateral view ({meaning.Trim()})";
        }

        return null;
    }
}
