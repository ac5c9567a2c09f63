namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The actions of the DICOM upper layer protocol machine.</summary>
/// <remarks>PS3.8 §9.2.3, Tables 9-6 to 9-9 (AE, DT, AR and AA actions).</remarks>
public enum AssociationAction
{
    /// <summary>No action: the (state, event) cell is empty in Table 9-10.</summary>
    None,

    /// <summary>Issue TRANSPORT CONNECT request primitive to local transport service; next Sta4.</summary>
    Ae1,

    /// <summary>Send A-ASSOCIATE-RQ PDU; next Sta5.</summary>
    Ae2,

    /// <summary>Issue A-ASSOCIATE confirmation (accept) primitive; next Sta6.</summary>
    Ae3,

    /// <summary>Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection; next Sta1.</summary>
    Ae4,

    /// <summary>Issue transport connection response primitive and start ARTIM timer; next Sta2.</summary>
    Ae5,

    /// <summary>Stop ARTIM timer; if the A-ASSOCIATE-RQ is acceptable issue A-ASSOCIATE indication (next Sta3), otherwise
    /// send A-ASSOCIATE-RJ PDU and start ARTIM timer (next Sta13).</summary>
    Ae6,

    /// <summary>Send A-ASSOCIATE-AC PDU; next Sta6.</summary>
    Ae7,

    /// <summary>Send A-ASSOCIATE-RJ PDU and start ARTIM timer; next Sta13.</summary>
    Ae8,

    /// <summary>Send P-DATA-TF PDU; next Sta6.</summary>
    Dt1,

    /// <summary>Send P-DATA indication primitive; next Sta6.</summary>
    Dt2,

    /// <summary>Send A-RELEASE-RQ PDU; next Sta7.</summary>
    Ar1,

    /// <summary>Issue A-RELEASE indication primitive; next Sta8.</summary>
    Ar2,

    /// <summary>Issue A-RELEASE confirmation primitive and close transport connection; next Sta1.</summary>
    Ar3,

    /// <summary>Send A-RELEASE-RP PDU and start ARTIM timer; next Sta13.</summary>
    Ar4,

    /// <summary>Stop ARTIM timer; next Sta1.</summary>
    Ar5,

    /// <summary>Issue P-DATA indication; next Sta7.</summary>
    Ar6,

    /// <summary>Send P-DATA-TF PDU; next Sta8.</summary>
    Ar7,

    /// <summary>Issue A-RELEASE indication (release collision); next Sta9 if association-requestor, otherwise Sta10.</summary>
    Ar8,

    /// <summary>Send A-RELEASE-RP PDU; next Sta11.</summary>
    Ar9,

    /// <summary>Issue A-RELEASE confirmation primitive; next Sta12.</summary>
    Ar10,

    /// <summary>Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer; next Sta13.</summary>
    Aa1,

    /// <summary>Stop ARTIM timer if running and close transport connection; next Sta1.</summary>
    Aa2,

    /// <summary>Issue A-ABORT (service-user) or A-P-ABORT (service-provider) indication and close transport connection;
    /// next Sta1.</summary>
    Aa3,

    /// <summary>Issue A-P-ABORT indication primitive; next Sta1.</summary>
    Aa4,

    /// <summary>Stop ARTIM timer; next Sta1.</summary>
    Aa5,

    /// <summary>Ignore PDU; next Sta13.</summary>
    Aa6,

    /// <summary>Send A-ABORT PDU; next Sta13.</summary>
    Aa7,

    /// <summary>Send A-ABORT PDU (service-provider source), issue A-P-ABORT indication and start ARTIM timer; next Sta13.</summary>
    Aa8,
}
