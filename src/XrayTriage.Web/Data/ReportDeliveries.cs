using XrayTriage.Persistence;

namespace XrayTriage.Web.Data;

/// <summary>Delivery state of a study's reports, from the report outbox (newest first).</summary>
internal sealed class ReportDeliveries(ReportOutboxStore outbox)
{
    private const int MaxRows = 100;

    public async Task<IReadOnlyList<ReportDeliveryRow>> ListAsync(long studyId, CancellationToken cancellationToken)
    {
        var rows = await outbox.ListAsync(null, null, studyId, MaxRows, cancellationToken);
        return rows
            .Select(r => new ReportDeliveryRow(
                r.ReportId, r.Version, r.Destination, r.State.ToString(), r.Attempts, r.LastError, r.UpdatedAt, r.DeliveredAt))
            .ToList();
    }
}
