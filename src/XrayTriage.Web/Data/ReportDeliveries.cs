using XrayTriage.Persistence;

namespace XrayTriage.Web.Data;

/// <summary>Delivery state of a study's reports (the report outbox).</summary>
internal static class ReportDeliveries
{
    // The outbox table arrives with the AddReportOutbox migration; until then a study has no report rows to show.
    public static Task<IReadOnlyList<ReportDeliveryRow>> ListAsync(TriageDbContext context, long studyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = studyId;
        _ = cancellationToken;
        return Task.FromResult<IReadOnlyList<ReportDeliveryRow>>([]);
    }
}
