namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>The Command Field (0000,0100) values of the DIMSE-C services used here.</summary>
/// <remarks>PS3.7 §9.3 and Annex E, Table E.1-1; responses have bit 15 set.</remarks>
public enum DimseCommandField : ushort
{
    /// <summary>C-STORE-RQ (0001H).</summary>
    CStoreRq = 0x0001,

    /// <summary>C-STORE-RSP (8001H).</summary>
    CStoreRsp = 0x8001,

    /// <summary>C-FIND-RQ (0020H).</summary>
    CFindRq = 0x0020,

    /// <summary>C-FIND-RSP (8020H).</summary>
    CFindRsp = 0x8020,

    /// <summary>C-GET-RQ (0010H).</summary>
    CGetRq = 0x0010,

    /// <summary>C-GET-RSP (8010H).</summary>
    CGetRsp = 0x8010,

    /// <summary>C-MOVE-RQ (0021H).</summary>
    CMoveRq = 0x0021,

    /// <summary>C-MOVE-RSP (8021H).</summary>
    CMoveRsp = 0x8021,

    /// <summary>C-ECHO-RQ (0030H).</summary>
    CEchoRq = 0x0030,

    /// <summary>C-ECHO-RSP (8030H).</summary>
    CEchoRsp = 0x8030,

    /// <summary>C-CANCEL-RQ (0FFFH).</summary>
    CCancelRq = 0x0FFF,
}
