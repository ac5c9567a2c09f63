using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Stage 4's hosted service: queues every new report for every configured destination (the fan-out runs in
/// one transaction, so a crash between settling and queueing loses nothing) and runs the independent
/// <see cref="DestinationWorker"/>s of every destination (<see cref="Destination.MaxAssociations"/> each). Several
/// processes may run it against one database: claims are row locks.</summary>
internal sealed class ReportDispatcher(
    DestinationCatalog catalog,
    ReportOutboxStore outbox,
    DestinationWorkerFactory workers,
    ReportSignal signal,
    IOptions<ReportingOptions> options,
    TimeProvider timeProvider,
    ILogger<ReportDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var destinations = catalog.Destinations;
        Log.DispatcherStarted(
            logger,
            destinations.Count,
            string.Join(", ", destinations.Select(d => d.Describe())),
            settings.SrSopClass.ToString(),
            settings.Heatmap);
        var running = destinations.SelectMany(workers.Create)
            .Select(w => Task.Run(() => w.RunAsync(stoppingToken), CancellationToken.None))
            .ToList();
        running.Add(FanOutLoopAsync(catalog.Names, settings.PollInterval, stoppingToken));
        await Task.WhenAll(running);
    }

    private async Task FanOutLoopAsync(IReadOnlyList<string> names, TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var seen = signal.Wake.Version;
                var queued = await outbox.FanOutAsync(names, timeProvider.GetUtcNow(), stoppingToken);
                if (queued > 0)
                {
                    Log.FannedOut(logger, queued, names.Count);
                    signal.Wake.Notify();
                }

                await signal.Wake.WaitAsync(seen, interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.OutboxUnavailable(logger, "fan-out", "all", interval, ex.Message);
                try
                {
                    await Task.Delay(interval, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
