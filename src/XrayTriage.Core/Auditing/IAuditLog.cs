namespace XrayTriage.Core.Auditing;

/// <summary>Append-only audit trail. Implementations persist every entry before returning.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
