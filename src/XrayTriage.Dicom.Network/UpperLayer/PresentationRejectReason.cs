namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Rejection reasons when the source is <see cref="AssociateRejectSource.ServiceProviderPresentation"/>.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21 (0 and 3–7 are reserved).</remarks>
public enum PresentationRejectReason : byte
{
    /// <summary>Temporary congestion.</summary>
    TemporaryCongestion = 1,

    /// <summary>Local limit exceeded.</summary>
    LocalLimitExceeded = 2,
}
