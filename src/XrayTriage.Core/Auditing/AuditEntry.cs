namespace XrayTriage.Core.Auditing;

/// <summary>
/// One audit event as a stage reports it. Carries ids (case ids, AE titles, user names), never patient data.
/// </summary>
/// <param name="EventId">What kind of event (DICOM audit vocabulary).</param>
/// <param name="EventType">Refinement of the event, or <see cref="AuditEventType.None"/>.</param>
/// <param name="Outcome">Whether it succeeded.</param>
/// <param name="Actor">Who acted: a user name, an AE title, or this application's id.</param>
/// <param name="Subject">What it acted on: a study or instance UID, a destination name; null when none.</param>
/// <param name="Detail">A short human-readable description without PHI.</param>
public sealed record AuditEntry(
    AuditEventId EventId,
    AuditEventType EventType,
    AuditOutcome Outcome,
    string Actor,
    string? Subject,
    string Detail);
