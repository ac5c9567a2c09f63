namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Rejection reasons when the source is <see cref="AssociateRejectSource.ServiceProviderAcse"/>.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21.</remarks>
public enum AcseRejectReason : byte
{
    /// <summary>No reason given.</summary>
    NoReasonGiven = 1,

    /// <summary>Protocol version not supported.</summary>
    ProtocolVersionNotSupported = 2,
}
