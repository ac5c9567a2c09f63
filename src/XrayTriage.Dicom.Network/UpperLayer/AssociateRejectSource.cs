namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Which part of the acceptor rejected the association.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21.</remarks>
public enum AssociateRejectSource : byte
{
    /// <summary>DICOM UL service-user.</summary>
    ServiceUser = 1,

    /// <summary>DICOM UL service-provider (ACSE related function).</summary>
    ServiceProviderAcse = 2,

    /// <summary>DICOM UL service-provider (presentation related function).</summary>
    ServiceProviderPresentation = 3,
}
