using Microsoft.Extensions.Logging;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Persistence;

namespace XrayTriage.Reporting.Delivery;

/// <summary>One delivery loop of a destination: claim the oldest due report from the outbox, build its objects, send
/// them through the destination's Polly pipeline, record the outcome. A destination runs
/// <see cref="Destination.MaxAssociations"/> loops sharing one <see cref="DestinationLane"/> (pipeline, breaker, pause);
/// each destination has its own, so a PACS that is down or refuses us never delays another.</summary>
internal sealed partial class DestinationWorker(
    DestinationLane lane,
    DestinationSender sender,
    ReportOutboxStore outbox,
    SharedReportPackages packages,
    DeliveryAudit audit,
    ReportingMetrics metrics,
    ReportSignal signal,
    ReportingOptions options,
    string owner,
    TimeProvider timeProvider,
    ILogger logger)
{
    private string Name => sender.Destination.Name;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StepAsync(CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < lane.PausedUntil)
        {
            await Task.Delay(Min(lane.PausedUntil - now, options.PollInterval), timeProvider, stoppingToken);
            return;
        }

        ClaimedDelivery? claim;
        var seen = signal.Wake.Version;
        try
        {
            claim = await outbox.ClaimNextAsync(Name, owner, options.ClaimLease, now, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.OutboxUnavailable(logger, "claim", Name, options.PollInterval, ex.Message);
            await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
            return;
        }

        if (claim is null)
        {
            await signal.Wake.WaitAsync(seen, options.PollInterval, timeProvider, stoppingToken);
            return;
        }

        await DeliverAsync(claim, stoppingToken);
    }

    private async Task DeliverAsync(ClaimedDelivery claim, CancellationToken stoppingToken)
    {
        var started = timeProvider.GetTimestamp();
        ReportPackage? package = null;
        try
        {
            package = await packages.GetAsync(claim.ReportId, stoppingToken);
            var refused = await lane.Pipeline.ExecuteAsync(
                static async (state, token) => await state.sender.SendAsync(state.package, token), (sender, package), stoppingToken);
            await RecordDeliveredAsync(claim, package, refused, timeProvider.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await RecordOutcomeAsync(claim, "release on shutdown",
                token => outbox.RetryLaterAsync(
                    claim.DeliveryId, owner, timeProvider.GetUtcNow(), "service stopped during delivery", timeProvider.GetUtcNow(), token));
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(claim, package, ex);
        }
    }
}
