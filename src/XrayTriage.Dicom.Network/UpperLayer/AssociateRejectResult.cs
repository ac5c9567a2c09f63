namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Whether an association rejection is permanent or transient.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21.</remarks>
public enum AssociateRejectResult : byte
{
    /// <summary>Rejected-permanent: retrying unchanged will fail again.</summary>
    Permanent = 1,

    /// <summary>Rejected-transient: retrying later may succeed.</summary>
    Transient = 2,
}
