using System.Globalization;

namespace XrayTriage.Dicom;

/// <summary>Typed getters.</summary>
public sealed partial class DicomDataset
{
    /// <summary>The element's values as decoded strings (text split on backslash; numbers formatted invariantly).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The values (empty when the value is empty).</returns>
    /// <exception cref="KeyNotFoundException">The tag is not present.</exception>
    /// <exception cref="InvalidCastException">The tag is a sequence or encapsulated pixel data.</exception>
    public string[] GetStrings(DicomTag tag) => DicomValueCodec.DecodeStrings(AsDictionaryVR(GetElement(tag)), CharacterSet);

    /// <summary>The whole value as one decoded string (multiple values joined by backslash).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The tag is not present.</exception>
    public string GetString(DicomTag tag) => string.Join('\\', GetStrings(tag));

    /// <summary>Gets the value as a string when present.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the element is present and is not a sequence.</returns>
    public bool TryGetString(DicomTag tag, out string value)
    {
        value = string.Empty;
        if (!TryGetItem(tag, out var item) || item is not DicomElement)
        {
            return false;
        }

        value = GetString(tag);
        return true;
    }

    /// <summary>The value at <paramref name="index"/> as a 32-bit integer (binary integer VRs, IS, DS with integral value).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="index">The value index.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The tag is not present.</exception>
    /// <exception cref="FormatException">The value is missing or not an integer.</exception>
    public int GetInt32(DicomTag tag, int index = 0)
    {
        var value = GetInt64(tag, index);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new FormatException($"{Describe(tag)} value {value} does not fit in Int32.");
    }

    /// <summary>The value at <paramref name="index"/> as a 64-bit integer.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="index">The value index.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The value is missing or not an integer.</exception>
    public long GetInt64(DicomTag tag, int index = 0)
    {
        var element = AsDictionaryVR(GetElement(tag));
        if (element.VR.IsString)
        {
            var text = ValueAt(tag, index);
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && d == Math.Floor(d) && Math.Abs(d) < 9e18)
            {
                return (long)d;
            }

            throw new FormatException($"{Describe(tag)} value '{text}' is not an integer.");
        }

        CheckIndex(element, index);
        return DicomValueCodec.ReadInteger(element.Buffer.GetMemory().Span, element.VR, index);
    }

    /// <summary>The value at <paramref name="index"/> as a double (FL, FD, DS, IS and integer VRs).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="index">The value index.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The value is missing or not a number.</exception>
    public double GetDouble(DicomTag tag, int index = 0)
    {
        var element = AsDictionaryVR(GetElement(tag));
        if (element.VR.IsString)
        {
            var text = ValueAt(tag, index);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"{Describe(tag)} value '{text}' is not a number.");
        }

        CheckIndex(element, index);
        return DicomValueCodec.ReadDouble(element.Buffer.GetMemory().Span, element.VR, index);
    }

    /// <summary>The value at <paramref name="index"/> as an unsigned 16-bit integer.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="index">The value index.</param>
    /// <returns>The value.</returns>
    public ushort GetUInt16(DicomTag tag, int index = 0)
    {
        var value = GetInt64(tag, index);
        return value is >= 0 and <= ushort.MaxValue
            ? (ushort)value
            : throw new FormatException($"{Describe(tag)} value {value} does not fit in UInt16.");
    }

    /// <summary>The value at <paramref name="index"/> as an unsigned 32-bit integer.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="index">The value index.</param>
    /// <returns>The value.</returns>
    public uint GetUInt32(DicomTag tag, int index = 0)
    {
        var value = GetInt64(tag, index);
        return value is >= 0 and <= uint.MaxValue
            ? (uint)value
            : throw new FormatException($"{Describe(tag)} value {value} does not fit in UInt32.");
    }

    /// <summary>The value as a UID (padding trimmed; not validated, since real files carry invalid UIDs).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The UID.</returns>
    public DicomUid GetUid(DicomTag tag) => DicomUid.Lookup(GetString(tag));

    /// <summary>Gets an integer when present and parseable.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>True on success.</returns>
    public bool TryGetInt32(DicomTag tag, out int value)
    {
        value = 0;
        if (!TryGetItem(tag, out var item) || item is not DicomElement { IsEmpty: false })
        {
            return false;
        }

        try
        {
            value = GetInt32(tag);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Gets a double when present and parseable.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>True on success.</returns>
    public bool TryGetDouble(DicomTag tag, out double value)
    {
        value = 0;
        if (!TryGetItem(tag, out var item) || item is not DicomElement { IsEmpty: false })
        {
            return false;
        }

        try
        {
            value = GetDouble(tag);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Gets a UID when present and non-empty.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="value">The UID.</param>
    /// <returns>True on success.</returns>
    public bool TryGetUid(DicomTag tag, out DicomUid value)
    {
        value = null!;
        if (!TryGetString(tag, out var text) || text.Length == 0)
        {
            return false;
        }

        value = DicomUid.Lookup(text);
        return true;
    }

    /// <summary>Gets a sequence.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The sequence.</returns>
    /// <exception cref="KeyNotFoundException">The tag is not present.</exception>
    /// <exception cref="InvalidCastException">The element is not a sequence.</exception>
    public DicomSequence GetSequence(DicomTag tag)
        => GetItem(tag) as DicomSequence ?? throw new InvalidCastException($"{Describe(tag)} is not a sequence.");

    /// <summary>Gets a sequence when present.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="sequence">The sequence.</param>
    /// <returns>True when present and a sequence.</returns>
    public bool TryGetSequence(DicomTag tag, out DicomSequence sequence)
    {
        sequence = null!;
        if (TryGetItem(tag, out var item) && item is DicomSequence s)
        {
            sequence = s;
            return true;
        }

        return false;
    }

    /// <summary>Gets a plain element (not a sequence or encapsulated pixel data).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The element.</returns>
    public DicomElement GetElement(DicomTag tag)
        => GetItem(tag) as DicomElement
            ?? throw new InvalidCastException($"{Describe(tag)} is a sequence or encapsulated pixel data, not a value.");

    /// <summary>
    /// A standard element stored with VR UN (PS3.5 §6.2.2: a peer passed on a tag it did not know) viewed with the
    /// VR of the data dictionary (PS3.6), as pydicom reads it, so that its value is text or a number rather than
    /// bytes; the element itself stays UN. "US or SS" follows Pixel Representation. Private, unknown and sequence
    /// elements, and elements with any other VR, are returned as they are.
    /// </summary>
    /// <param name="element">The element as stored.</param>
    /// <returns>The element to decode values from.</returns>
    public DicomElement AsDictionaryVR(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.VR != DicomVR.UN || element.Tag.IsPrivate || DicomDictionary.Find(element.Tag) is not { } entry
            || entry.VR == DicomVR.UN || entry.VR == DicomVR.SQ)
        {
            return element;
        }

        var vr = entry.VRCode == "xs" && TryGetInt32(DicomTags.PixelRepresentation, out var representation) && representation == 1
            ? DicomVR.SS
            : entry.VR;
        return new DicomElement(element.Tag, vr, element.Buffer);
    }

    private string ValueAt(DicomTag tag, int index)
    {
        var values = GetStrings(tag);
        return index >= 0 && index < values.Length
            ? values[index]
            : throw new FormatException($"{Describe(tag)} has {values.Length} value(s); index {index} requested.");
    }

    private static void CheckIndex(DicomElement element, int index)
    {
        var count = DicomValueCodec.ValueCount(element);
        if (index < 0 || index >= count)
        {
            throw new FormatException($"{Describe(element.Tag)} has {count} value(s); index {index} requested.");
        }
    }
}
