namespace XrayTriage.Core.Auditing;

/// <summary>
/// Audit event ids from the DICOM audit vocabulary (PS3.15 A.5, DCM codes), so the table can be exported
/// to an IHE ATNA audit repository without translation.
/// </summary>
public enum AuditEventId
{
    /// <summary>(110100, DCM, "Application Activity").</summary>
    ApplicationActivity,

    /// <summary>(110101, DCM, "Audit Log Used").</summary>
    AuditLogUsed,

    /// <summary>(110104, DCM, "DICOM Instances Transferred").</summary>
    DicomInstancesTransferred,

    /// <summary>(110103, DCM, "DICOM Instances Accessed").</summary>
    DicomInstancesAccessed,

    /// <summary>(110106, DCM, "Export").</summary>
    Export,

    /// <summary>(110107, DCM, "Import").</summary>
    Import,

    /// <summary>(110113, DCM, "Security Alert").</summary>
    SecurityAlert,

    /// <summary>(110114, DCM, "User Authentication").</summary>
    UserAuthentication,
}
