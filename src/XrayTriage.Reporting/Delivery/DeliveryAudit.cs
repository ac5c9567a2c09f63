using Microsoft.Extensions.Logging;
using XrayTriage.Core.Auditing;
using XrayTriage.Core.Pipeline.Reports;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Audit events of report delivery, (110104, DCM, "DICOM Instances Transferred") with this service as the
/// source: actor our calling AE title, subject the destination's name, detail the report's case ids and what was
/// stored. No patient data. A database that is down is logged, not thrown: delivery already happened.</summary>
internal sealed class DeliveryAudit(IAuditLog auditLog, string callingAeTitle, ILogger logger)
{
    public Task DeliveredAsync(
        Destination destination, ReportPackage package, int captures, int refusedCaptures, CancellationToken cancellationToken)
    {
        var refused = refusedCaptures > 0 ? $"; {refusedCaptures} heatmap image(s) refused by the destination" : string.Empty;
        return WriteAsync(package.ReportId, destination, AuditOutcome.Success,
            $"report {package.ReportId} (study case {package.StudyId}, version {package.Version}) "
            + $"stored at {destination.ScuOptions.CalledAeTitle}: SR and {captures} heatmap image(s){refused}",
            cancellationToken);
    }

    public Task FailedAsync(
        Destination destination, ClaimedDelivery claim, ReportPackage? package, string reason, CancellationToken cancellationToken)
    {
        var study = package is null ? string.Empty : $" (study case {package.StudyId}, version {package.Version})";
        return WriteAsync(claim.ReportId, destination, AuditOutcome.MajorFailure,
            $"report {claim.ReportId}{study} NOT delivered to {destination.ScuOptions.CalledAeTitle} "
            + $"(delivery {claim.DeliveryId}, attempt {claim.Attempt}): {reason}",
            cancellationToken);
    }

    private async Task WriteAsync(
        long reportId, Destination destination, AuditOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        try
        {
            await auditLog.RecordAsync(
                new AuditEntry(
                    AuditEventId.DicomInstancesTransferred, AuditEventType.None, outcome, callingAeTitle, destination.Name, detail),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.AuditFailed(logger, reportId, destination.Name, ex.Message);
        }
    }
}
