using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Deletes spool files once they are no longer needed: the image was triaged (or skipped or failed for good),
/// its study's latest report reached every destination, and <see cref="ReportingOptions.SpoolRetention"/> has passed.
/// The database row stays (findings, audit); only the file goes, and the row records when. A file already gone is
/// simply recorded.</summary>
internal sealed class SpoolRetentionWorker(
    ReportOutboxStore outbox,
    IOptions<ReportingOptions> options,
    TimeProvider timeProvider,
    ILogger<SpoolRetentionWorker> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SpoolRetention <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.PurgeInterval, timeProvider);
        try
        {
            do
            {
                await SweepAsync(settings, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    internal async Task<int> SweepAsync(ReportingOptions settings, CancellationToken cancellationToken)
    {
        var files = 0;
        long bytes = 0;
        try
        {
            while (true)
            {
                var now = timeProvider.GetUtcNow();
                var candidates = await outbox.GetPurgeableAsync(now - settings.SpoolRetention, Batch, cancellationToken);
                if (candidates.Count == 0)
                {
                    break;
                }

                var purged = new List<long>(candidates.Count);
                foreach (var candidate in candidates)
                {
                    var file = new FileInfo(candidate.SpoolPath);
                    if (file.Exists)
                    {
                        bytes += file.Length;
                        file.Delete();
                        files++;
                    }

                    purged.Add(candidate.InstanceId);
                }

                await outbox.MarkPurgedAsync(purged, now, cancellationToken);
                if (candidates.Count < Batch)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PurgeFailed(logger, settings.PurgeInterval, ex.Message);
        }

        if (files > 0)
        {
            Log.SpoolPurged(logger, files, bytes, settings.SpoolRetention);
        }

        return files;
    }
}
