namespace XrayTriage.Dicom;

/// <summary>The value representations of PS3.5 Table 6.2-1.</summary>
public sealed partial class DicomVR
{
#pragma warning disable CS1591 // Each field is named after the VR code it holds; the class summary documents them.
    public static readonly DicomVR AE = new("AE", DicomVRKind.Text, false, 0x20, 16, 1);
    public static readonly DicomVR AS = new("AS", DicomVRKind.Text, false, 0x20, 4, 1);
    public static readonly DicomVR AT = new("AT", DicomVRKind.Binary, false, 0, 4, 4);
    public static readonly DicomVR CS = new("CS", DicomVRKind.Text, false, 0x20, 16, 1);
    public static readonly DicomVR DA = new("DA", DicomVRKind.Text, false, 0x20, 8, 1);
    public static readonly DicomVR DS = new("DS", DicomVRKind.Text, false, 0x20, 16, 1);
    public static readonly DicomVR DT = new("DT", DicomVRKind.Text, false, 0x20, 26, 1);
    public static readonly DicomVR FL = new("FL", DicomVRKind.Binary, false, 0, 4, 4);
    public static readonly DicomVR FD = new("FD", DicomVRKind.Binary, false, 0, 8, 8);
    public static readonly DicomVR IS = new("IS", DicomVRKind.Text, false, 0x20, 12, 1);
    public static readonly DicomVR LO = new("LO", DicomVRKind.CharacterSetText, false, 0x20, 64, 1);
    public static readonly DicomVR LT = new("LT", DicomVRKind.CharacterSetText, false, 0x20, 10240, 1);
    public static readonly DicomVR OB = new("OB", DicomVRKind.Bulk, true, 0, -1, 1);
    public static readonly DicomVR OD = new("OD", DicomVRKind.Bulk, true, 0, -1, 8);
    public static readonly DicomVR OF = new("OF", DicomVRKind.Bulk, true, 0, -1, 4);
    public static readonly DicomVR OL = new("OL", DicomVRKind.Bulk, true, 0, -1, 4);
    public static readonly DicomVR OV = new("OV", DicomVRKind.Bulk, true, 0, -1, 8);
    public static readonly DicomVR OW = new("OW", DicomVRKind.Bulk, true, 0, -1, 2);
    public static readonly DicomVR PN = new("PN", DicomVRKind.CharacterSetText, false, 0x20, 64, 1);
    public static readonly DicomVR SH = new("SH", DicomVRKind.CharacterSetText, false, 0x20, 16, 1);
    public static readonly DicomVR SL = new("SL", DicomVRKind.Binary, false, 0, 4, 4);
    public static readonly DicomVR SQ = new("SQ", DicomVRKind.Sequence, true, 0, -1, 1);
    public static readonly DicomVR SS = new("SS", DicomVRKind.Binary, false, 0, 2, 2);
    public static readonly DicomVR ST = new("ST", DicomVRKind.CharacterSetText, false, 0x20, 1024, 1);
    public static readonly DicomVR SV = new("SV", DicomVRKind.Binary, true, 0, 8, 8);
    public static readonly DicomVR TM = new("TM", DicomVRKind.Text, false, 0x20, 14, 1);
    public static readonly DicomVR UC = new("UC", DicomVRKind.CharacterSetText, true, 0x20, uint.MaxValue - 1, 1);
    public static readonly DicomVR UI = new("UI", DicomVRKind.Text, false, 0, 64, 1);
    public static readonly DicomVR UL = new("UL", DicomVRKind.Binary, false, 0, 4, 4);
    public static readonly DicomVR UN = new("UN", DicomVRKind.Bulk, true, 0, -1, 1);
    public static readonly DicomVR UR = new("UR", DicomVRKind.Text, true, 0x20, uint.MaxValue - 1, 1);
    public static readonly DicomVR US = new("US", DicomVRKind.Binary, false, 0, 2, 2);
    public static readonly DicomVR UT = new("UT", DicomVRKind.CharacterSetText, true, 0x20, uint.MaxValue - 1, 1);
    public static readonly DicomVR UV = new("UV", DicomVRKind.Binary, true, 0, 8, 8);
#pragma warning restore CS1591

    /// <summary>Every VR of the standard.</summary>
    public static readonly IReadOnlyList<DicomVR> All =
    [
        AE, AS, AT, CS, DA, DS, DT, FL, FD, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL,
        UN, UR, US, UT, UV,
    ];

    private static readonly Dictionary<string, DicomVR> ByCode = All.ToDictionary(v => v.Code, StringComparer.Ordinal);

    private static readonly DicomVR?[] ByBytes = BuildByBytes();

    /// <summary>Size of the unit whose byte order flips between little and big endian (AT swaps per 16-bit half).</summary>
    internal int SwapSize => Code == "AT" ? 2 : (Kind is DicomVRKind.Binary or DicomVRKind.Bulk ? UnitSize : 1);

    private static DicomVR?[] BuildByBytes()
    {
        var table = new DicomVR?[26 * 26];
        foreach (var vr in All)
        {
            table[Index((byte)vr.Code[0], (byte)vr.Code[1])] = vr;
        }

        return table;
    }
}
