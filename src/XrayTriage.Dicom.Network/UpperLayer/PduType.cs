namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The PDU types of the DICOM upper layer protocol.</summary>
/// <remarks>PS3.8 §9.3.1, Table 9-11.</remarks>
public enum PduType : byte
{
    /// <summary>A-ASSOCIATE-RQ (01H).</summary>
    AAssociateRq = 0x01,

    /// <summary>A-ASSOCIATE-AC (02H).</summary>
    AAssociateAc = 0x02,

    /// <summary>A-ASSOCIATE-RJ (03H).</summary>
    AAssociateRj = 0x03,

    /// <summary>P-DATA-TF (04H).</summary>
    PDataTf = 0x04,

    /// <summary>A-RELEASE-RQ (05H).</summary>
    AReleaseRq = 0x05,

    /// <summary>A-RELEASE-RP (06H).</summary>
    AReleaseRp = 0x06,

    /// <summary>A-ABORT (07H).</summary>
    AAbort = 0x07,
}
