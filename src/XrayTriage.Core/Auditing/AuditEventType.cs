namespace XrayTriage.Core.Auditing;

/// <summary>Event type codes that refine an <see cref="AuditEventId"/> (PS3.15 A.5.3, DCM codes).</summary>
public enum AuditEventType
{
    None,

    /// <summary>(110120, DCM, "Application Start").</summary>
    ApplicationStart,

    /// <summary>(110121, DCM, "Application Stop").</summary>
    ApplicationStop,

    /// <summary>(110122, DCM, "Login").</summary>
    Login,

    /// <summary>(110123, DCM, "Logout").</summary>
    Logout,

    /// <summary>(110126, DCM, "Node Authentication"), a Security Alert type (PS3.15 A.5.3.11, CID 403): a DICOM
    /// association accepted (outcome Success, informative) or rejected (a failure outcome; the detail says why).</summary>
    NodeAuthentication,

    /// <summary>(110131, DCM, "Software Configuration"), a Security Alert type (PS3.15 A.5.3.11, CID 403): the
    /// application's configuration changed, e.g. the triage operating point since the last start.</summary>
    SoftwareConfiguration,
}
