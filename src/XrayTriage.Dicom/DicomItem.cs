namespace XrayTriage.Dicom;

/// <summary>A member of a data set: an element, a sequence or encapsulated pixel data.</summary>
/// <remarks>PS3.5 §7.1.</remarks>
public abstract class DicomItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The value representation.</param>
    protected DicomItem(DicomTag tag, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(vr);
        Tag = tag;
        VR = vr;
    }

    /// <summary>The tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The value representation.</summary>
    public DicomVR VR { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Tag} {VR}";
}
