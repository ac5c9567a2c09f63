namespace XrayTriage.Dicom;

/// <summary>A value representation: how a data element's value is encoded.</summary>
/// <remarks>PS3.5 §6.2, Table 6.2-1; header forms in PS3.5 §7.1.2.</remarks>
public sealed partial class DicomVR
{
    private DicomVR(string code, DicomVRKind kind, bool longHeader, byte padding, long maxLength, int unitSize)
    {
        Code = code;
        Kind = kind;
        HasLongHeader = longHeader;
        PaddingByte = padding;
        MaxLength = maxLength;
        UnitSize = unitSize;
    }

    /// <summary>The two-letter code, e.g. "PN".</summary>
    public string Code { get; }

    /// <summary>How values of this VR are interpreted.</summary>
    public DicomVRKind Kind { get; }

    /// <summary>True when Explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    public bool HasLongHeader { get; }

    /// <summary>The byte appended to odd-length values: space for text, NUL for UI and binary VRs.</summary>
    public byte PaddingByte { get; }

    /// <summary>The maximum value length in bytes (per value for strings), or -1 when only the header bounds it.</summary>
    public long MaxLength { get; }

    /// <summary>Byte size of one binary unit (for byte swapping and value counts); 1 for strings and bytes.</summary>
    public int UnitSize { get; }

    /// <summary>True for string VRs (values are text separated by backslash, except ST, LT, UT, UR).</summary>
    public bool IsString => Kind is DicomVRKind.Text or DicomVRKind.CharacterSetText;

    /// <summary>True for text VRs whose bytes depend on Specific Character Set (SH, LO, ST, LT, UT, UC, PN).</summary>
    public bool UsesCharacterSet => Kind == DicomVRKind.CharacterSetText;

    /// <summary>True for VRs that are never split on backslash (ST, LT, UT, UR).</summary>
    public bool IsSingleValueText => Code is "ST" or "LT" or "UT" or "UR";

    /// <summary>Looks up a VR by its code.</summary>
    /// <param name="code">The two-letter code.</param>
    /// <param name="vr">The VR, when known.</param>
    /// <returns>True when the code is a VR of the standard.</returns>
    public static bool TryParse(string code, out DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out vr!);
    }

    /// <summary>Looks up a VR by its code.</summary>
    /// <param name="code">The two-letter code.</param>
    /// <returns>The VR.</returns>
    /// <exception cref="ArgumentException">The code is not a VR of the standard.</exception>
    public static DicomVR Parse(string code)
        => TryParse(code, out var vr) ? vr : throw new ArgumentException($"'{code}' is not a DICOM VR.", nameof(code));

    internal static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        var index = Index(first, second);
        vr = index >= 0 ? ByBytes[index]! : null!;
        return vr is not null;
    }

    private static int Index(byte first, byte second)
        => first is >= (byte)'A' and <= (byte)'Z' && second is >= (byte)'A' and <= (byte)'Z' ? ((first - 'A') * 26) + (second - 'A') : -1;

    /// <inheritdoc />
    public override string ToString() => Code;
}
