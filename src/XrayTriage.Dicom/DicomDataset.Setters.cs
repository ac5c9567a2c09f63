namespace XrayTriage.Dicom;

/// <summary>Typed adders; text is encoded with this data set's character set and padded to even length.</summary>
public sealed partial class DicomDataset
{
    /// <summary>Adds string values with the given VR (binary VRs parse the strings as numbers).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset Add(DicomTag tag, DicomVR vr, params string[] values) => Add(Create(tag, vr, values));

    /// <summary>Adds string values with the dictionary VR of the tag (LO for unknown tags).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset Add(DicomTag tag, params string[] values) => Add(Create(tag, DefaultVR(tag, DicomVR.LO), values));

    /// <summary>Adds or replaces string values with the given VR.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params string[] values) => AddOrUpdate(Create(tag, vr, values));

    /// <summary>Adds or replaces string values with the dictionary VR.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, params string[] values) => AddOrUpdate(Create(tag, DefaultVR(tag, DicomVR.LO), values));

    /// <summary>Adds an unsigned short (VR from the dictionary, US when unknown).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This data set.</returns>
    public DicomDataset Add(DicomTag tag, ushort value) => Add(CreateInteger(tag, DefaultVR(tag, DicomVR.US), value));

    /// <summary>Adds or replaces an unsigned short.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, ushort value) => AddOrUpdate(CreateInteger(tag, DefaultVR(tag, DicomVR.US), value));

    /// <summary>Adds an unsigned long (VR from the dictionary, UL when unknown).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This data set.</returns>
    public DicomDataset Add(DicomTag tag, uint value) => Add(CreateInteger(tag, DefaultVR(tag, DicomVR.UL), value));

    /// <summary>Adds or replaces an unsigned long.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, uint value) => AddOrUpdate(CreateInteger(tag, DefaultVR(tag, DicomVR.UL), value));

    /// <summary>Adds integers with an explicit VR (US, SS, UL, SL, SV, UV, AT, IS, DS, FL, FD ...).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params long[] values)
        => AddOrUpdate(new DicomElement(tag, vr, DicomValueCodec.EncodeIntegers(vr, values)));

    /// <summary>Adds floating point values with an explicit VR (FL, FD, DS, OF, OD).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="values">The values.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params double[] values)
        => AddOrUpdate(new DicomElement(tag, vr, DicomValueCodec.EncodeDoubles(vr, values)));

    /// <summary>Adds a UID (VR UI).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="uid">The UID.</param>
    /// <returns>This data set.</returns>
    public DicomDataset Add(DicomTag tag, DicomUid uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return Add(Create(tag, DicomVR.UI, [uid.Value]));
    }

    /// <summary>Adds or replaces a UID (VR UI).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="uid">The UID.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomUid uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return AddOrUpdate(Create(tag, DicomVR.UI, [uid.Value]));
    }

    /// <summary>Adds or replaces raw bytes (OB, OW, UN ...); the bytes are little endian and are not copied.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="bytes">The value.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> bytes)
        => AddOrUpdate(new DicomElement(tag, vr, DicomBuffer.FromBytes(bytes)));

    private static DicomVR DefaultVR(DicomTag tag, DicomVR fallback)
        => tag.IsPrivateCreator
            ? DicomVR.LO
            : DicomDictionary.Find(tag)?.VR is { } vr && vr != DicomVR.UN && !tag.IsPrivate ? vr : fallback;

    private DicomElement Create(DicomTag tag, DicomVR vr, string[] values)
    {
        ArgumentNullException.ThrowIfNull(vr);
        ArgumentNullException.ThrowIfNull(values);
        if (vr.IsString)
        {
            var charset = tag == DicomTags.SpecificCharacterSet ? Text.DicomCharacterSet.Default : CharacterSet;
            return new DicomElement(tag, vr, DicomValueCodec.EncodeStrings(vr, values, charset));
        }

        if (vr == DicomVR.FL || vr == DicomVR.FD || vr == DicomVR.OF || vr == DicomVR.OD)
        {
            return new DicomElement(tag, vr, DicomValueCodec.EncodeDoubles(
                vr, [.. values.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))]));
        }

        if (vr == DicomVR.AT)
        {
            return new DicomElement(tag, vr, DicomValueCodec.EncodeIntegers(vr, [.. values.Select(v => (long)DicomTag.Parse(v).Value)]));
        }

        return new DicomElement(tag, vr, DicomValueCodec.EncodeIntegers(
            vr, [.. values.Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))]));
    }

    private static DicomElement CreateInteger(DicomTag tag, DicomVR vr, long value)
        => new(tag, vr, DicomValueCodec.EncodeIntegers(vr, [value]));
}
