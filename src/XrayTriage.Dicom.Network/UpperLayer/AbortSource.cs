namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Who initiated an A-ABORT.</summary>
/// <remarks>PS3.8 §9.3.8, Table 9-26.</remarks>
public enum AbortSource : byte
{
    /// <summary>DICOM UL service-user (initiated abort).</summary>
    ServiceUser = 0,

    /// <summary>Reserved.</summary>
    Reserved = 1,

    /// <summary>DICOM UL service-provider (initiated abort).</summary>
    ServiceProvider = 2,
}
