namespace XrayTriage.Dicom;

/// <summary>A data element with a value held in a <see cref="DicomBuffer"/> (little endian).</summary>
/// <remarks>PS3.5 §7.1. Strings are kept as their encoded bytes; the owning data set decodes them with its character set.</remarks>
public sealed class DicomElement : DicomItem
{
    /// <summary>Creates an element.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR (not SQ).</param>
    /// <param name="buffer">The value bytes, little endian, without padding requirements.</param>
    public DicomElement(DicomTag tag, DicomVR vr, DicomBuffer buffer)
        : base(tag, vr)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (vr == DicomVR.SQ)
        {
            throw new ArgumentException("Use DicomSequence for SQ elements.", nameof(vr));
        }

        Buffer = buffer;
    }

    /// <summary>The value bytes.</summary>
    public DicomBuffer Buffer { get; }

    /// <summary>The value length in bytes (as stored, possibly odd).</summary>
    public long Length => Buffer.Length;

    /// <summary>True when the value is empty.</summary>
    public bool IsEmpty => Buffer.Length == 0;
}
