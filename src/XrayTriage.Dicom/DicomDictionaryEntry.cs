namespace XrayTriage.Dicom;

/// <summary>One data element of the data dictionary.</summary>
/// <remarks>PS3.6 §6.</remarks>
public sealed class DicomDictionaryEntry
{
    internal DicomDictionaryEntry(uint tag, string vrCode, string valueMultiplicity, string keyword, bool isRetired)
    {
        Tag = new DicomTag(tag);
        VRCode = vrCode;
        ValueMultiplicity = valueMultiplicity;
        Keyword = keyword;
        IsRetired = isRetired;
        VR = vrCode switch
        {
            "ox" or "px" => DicomVR.OB,
            "xs" => DicomVR.US,
            "lt" => DicomVR.OW,
            "up" => DicomVR.UL,
            "na" => DicomVR.UN,
            _ => DicomVR.Parse(vrCode),
        };
    }

    /// <summary>The tag (for repeating groups, the first tag of the range).</summary>
    public DicomTag Tag { get; }

    /// <summary>The VR as the dictionary states it; lower case for alternatives ("ox" = OB or OW, "xs" = US or SS).</summary>
    public string VRCode { get; }

    /// <summary>The VR used when the encoding does not state one (Implicit VR). OB/OW pixel data resolves to OW,
    /// see <see cref="ImplicitVR"/>.</summary>
    public DicomVR VR { get; }

    /// <summary>The VR an Implicit VR Little Endian reader assigns: OW for "ox"/"px"/"lt" alternatives, US for "xs".</summary>
    public DicomVR ImplicitVR => VRCode is "ox" or "px" ? DicomVR.OW : VR;

    /// <summary>True when the dictionary allows more than one VR (OB or OW, US or SS).</summary>
    public bool IsAmbiguousVR => VRCode is "ox" or "px" or "xs" or "lt" or "up";

    /// <summary>Value multiplicity, e.g. "1", "1-n", "2-2n".</summary>
    public string ValueMultiplicity { get; }

    /// <summary>The keyword, e.g. "PatientName".</summary>
    public string Keyword { get; }

    /// <summary>True when the element is retired from the standard.</summary>
    public bool IsRetired { get; }
}
