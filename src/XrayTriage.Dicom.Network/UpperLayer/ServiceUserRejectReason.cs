namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Rejection reasons when the source is <see cref="AssociateRejectSource.ServiceUser"/>.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21 (values 4–6 and 8–10 are reserved).</remarks>
public enum ServiceUserRejectReason : byte
{
    /// <summary>No reason given.</summary>
    NoReasonGiven = 1,

    /// <summary>Application context name not supported.</summary>
    ApplicationContextNameNotSupported = 2,

    /// <summary>Calling AE title not recognized.</summary>
    CallingAeTitleNotRecognized = 3,

    /// <summary>Called AE title not recognized.</summary>
    CalledAeTitleNotRecognized = 7,
}
