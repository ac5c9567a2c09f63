namespace XrayTriage.Core.Auditing;

/// <summary>Event outcome indicator (RFC 3881 / PS3.15 A.5.3.1).</summary>
public enum AuditOutcome
{
    Success = 0,
    MinorFailure = 4,
    SeriousFailure = 8,
    MajorFailure = 12,
}
