using System.Globalization;

namespace XrayTriage.Dicom;

/// <summary>A data element tag: a (group, element) pair of 16-bit numbers.</summary>
/// <remarks>PS3.5 §7.1. Odd groups above 0x0008 are private (PS3.5 §7.8).</remarks>
/// <param name="Group">The group number.</param>
/// <param name="Element">The element number.</param>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>Item (FFFE,E000).</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);

    /// <summary>Item Delimitation Item (FFFE,E00D).</summary>
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);

    /// <summary>Sequence Delimitation Item (FFFE,E0DD).</summary>
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);

    /// <summary>Creates a tag from its 32-bit form <c>0xGGGGEEEE</c>.</summary>
    /// <param name="value">The tag as one number.</param>
    public DicomTag(uint value)
        : this((ushort)(value >> 16), (ushort)value)
    {
    }

    /// <summary>The tag as one number <c>0xGGGGEEEE</c>.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for tags of an odd group above 0x0008 (private data elements).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008;

    /// <summary>True for private creator elements (gggg,0010-00FF) of a private group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>True for group length elements (gggg,0000).</summary>
    public bool IsGroupLength => Element == 0 && Group != 0xFFFE;

    /// <summary>For a private data element (gggg,xxyy) with xx ≥ 0x10, the tag of its private creator (gggg,00xx).</summary>
    public DicomTag? PrivateCreatorTag => IsPrivate && Element >= 0x1000 ? new DicomTag(Group, (ushort)(Element >> 8)) : null;

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" (hexadecimal).</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The tag.</returns>
    /// <exception cref="FormatException">The text is not a tag.</exception>
    public static DicomTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", string.Empty, StringComparison.Ordinal);
        if (s.Length != 8 || !uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee).");
        }

        return new DicomTag(value);
    }

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>Formats the tag as <c>(gggg,eeee)</c> in upper-case hexadecimal.</summary>
    /// <returns>The formatted tag.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");

    /// <summary>Compares tags by value.</summary>
    /// <param name="left">Left tag.</param>
    /// <param name="right">Right tag.</param>
    /// <returns>True when left sorts before right.</returns>
    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    /// <summary>Compares tags by value.</summary>
    /// <param name="left">Left tag.</param>
    /// <param name="right">Right tag.</param>
    /// <returns>True when left sorts after right.</returns>
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    /// <summary>Compares tags by value.</summary>
    /// <param name="left">Left tag.</param>
    /// <param name="right">Right tag.</param>
    /// <returns>True when left sorts before or equal to right.</returns>
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    /// <summary>Compares tags by value.</summary>
    /// <param name="left">Left tag.</param>
    /// <param name="right">Right tag.</param>
    /// <returns>True when left sorts after or equal to right.</returns>
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;
}
