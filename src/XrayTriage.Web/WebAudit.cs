using Microsoft.Extensions.Logging;
using XrayTriage.Core.Auditing;

namespace XrayTriage.Web;

/// <summary>The pages' audit events. Actors are user names; subjects are database ids and UIDs; details carry no PHI.</summary>
internal sealed class WebAudit(IAuditLog audit, ILogger<WebAudit> logger)
{
    public Task LoginAsync(string user, bool success, string how, CancellationToken cancellationToken)
        => RecordAsync(new AuditEntry(AuditEventId.UserAuthentication, AuditEventType.Login,
            success ? AuditOutcome.Success : AuditOutcome.MinorFailure, user, $"user {user}",
            success ? $"signed in ({how})" : $"sign-in refused ({how})"), cancellationToken);

    /// <summary>The first refused attempt of a burst; <paramref name="key"/> is the limited address or account.</summary>
    public Task SignInThrottledAsync(string user, string key, CancellationToken cancellationToken)
        => RecordAsync(new AuditEntry(AuditEventId.UserAuthentication, AuditEventType.Login, AuditOutcome.SeriousFailure, user, key,
            "sign-in refused (too many attempts in a minute; further refusals in this burst are not audited)"), cancellationToken);

    public Task LogoutAsync(string user, CancellationToken cancellationToken)
        => RecordAsync(
            new AuditEntry(
                AuditEventId.UserAuthentication, AuditEventType.Logout, AuditOutcome.Success, user, $"user {user}", "signed out"),
            cancellationToken);

    /// <summary>Subject <c>study {id} {Study Instance UID}</c>, so an admin finds every access to one study by either.</summary>
    public Task StudyAccessedAsync(string user, long studyId, string studyInstanceUid, string how, CancellationToken cancellationToken)
        => RecordAsync(new AuditEntry(AuditEventId.DicomInstancesAccessed, AuditEventType.None, AuditOutcome.Success, user,
            StudySubject(studyId, studyInstanceUid), how), cancellationToken);

    public Task PriorityChangedAsync(string user, long studyId, string studyInstanceUid, string detail, CancellationToken cancellationToken)
        => RecordAsync(new AuditEntry(AuditEventId.DicomInstancesAccessed, AuditEventType.None, AuditOutcome.Success, user,
            StudySubject(studyId, studyInstanceUid), detail), cancellationToken);

    public Task AuditLogUsedAsync(string user, string detail, CancellationToken cancellationToken)
        => RecordAsync(
            new AuditEntry(AuditEventId.AuditLogUsed, AuditEventType.None, AuditOutcome.Success, user, "audit_events", detail),
            cancellationToken);

    public Task ImportAsync(string user, long studyId, string studyInstanceUid, string detail, CancellationToken cancellationToken)
        => RecordAsync(new AuditEntry(AuditEventId.Import, AuditEventType.None, AuditOutcome.Success, user,
            StudySubject(studyId, studyInstanceUid), detail), cancellationToken);

    public static string StudySubject(long studyId, string studyInstanceUid) => $"study {studyId} {studyInstanceUid}";

    // An access that cannot be audited must not be served: the failure propagates (500) after it is logged.
    private async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AuditWriteFailed(logger, entry.EventId.ToString(), ex.GetType().Name);
            throw;
        }
    }
}
