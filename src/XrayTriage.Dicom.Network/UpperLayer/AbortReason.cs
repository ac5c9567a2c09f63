namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Why the service-provider aborted an association (significant only with <see cref="AbortSource.ServiceProvider"/>).</summary>
/// <remarks>PS3.8 §9.3.8, Table 9-26.</remarks>
public enum AbortReason : byte
{
    /// <summary>Reason not specified.</summary>
    NotSpecified = 0,

    /// <summary>Unrecognized PDU.</summary>
    UnrecognizedPdu = 1,

    /// <summary>Unexpected PDU.</summary>
    UnexpectedPdu = 2,

    /// <summary>Unrecognized PDU parameter.</summary>
    UnrecognizedPduParameter = 4,

    /// <summary>Unexpected PDU parameter.</summary>
    UnexpectedPduParameter = 5,

    /// <summary>Invalid PDU parameter value.</summary>
    InvalidPduParameterValue = 6,
}
