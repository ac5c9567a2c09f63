namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>The Priority (0000,0700) of a DIMSE-C request.</summary>
/// <remarks>PS3.7 §9.1.1.1.</remarks>
public enum DimsePriority : ushort
{
    /// <summary>MEDIUM (0000H).</summary>
    Medium = 0x0000,

    /// <summary>HIGH (0001H).</summary>
    High = 0x0001,

    /// <summary>LOW (0002H).</summary>
    Low = 0x0002,
}
