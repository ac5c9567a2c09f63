using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using XrayTriage.Core.Pipeline.Reports;

namespace XrayTriage.Reporting.Delivery;

internal sealed partial class DestinationWorker
{
    // Recording an outcome must not be cut short by shutdown: a delivered report left "Sending" is sent again after
    // its lease (harmless, same UIDs) but a prompt record is better.
    private static readonly TimeSpan RecordLimit = TimeSpan.FromSeconds(10);

    private async Task RecordDeliveredAsync(ClaimedDelivery claim, ReportPackage package, int refusedCaptures, TimeSpan elapsed)
    {
        var sentCaptures = package.Captures.Count - refusedCaptures;
        Log.Delivered(
            logger, claim.ReportId, package.StudyId, package.Version, Name, sentCaptures, elapsed.TotalMilliseconds, claim.Attempt);
        if (refusedCaptures > 0)
        {
            Log.CapturesRefused(logger, claim.ReportId, Name, refusedCaptures);
        }

        var now = timeProvider.GetUtcNow();
        await RecordOutcomeAsync(claim, "delivered", token => outbox.MarkDeliveredAsync(claim.DeliveryId, owner, now, token));
        metrics.Delivered(Name, elapsed, now - package.CreatedAt);
        await audit.DeliveredAsync(sender.Destination, package, sentCaptures, refusedCaptures, CancellationToken.None);
    }

    private async Task RecordFailureAsync(ClaimedDelivery claim, ReportPackage? package, Exception exception)
    {
        var now = timeProvider.GetUtcNow();
        var reason = Describe(exception);
        if (exception is BrokenCircuitException broken)
        {
            lane.PauseUntil(now + (broken.RetryAfter ?? options.BreakDuration));
            Log.DestinationPaused(logger, Name, lane.PausedUntil);
        }

        if (DeliveryFailures.IsTransient(exception) && claim.Attempt < options.MaxAttempts)
        {
            var next = Max(NextAttempt(claim.Attempt, now), lane.PausedUntil);
            Log.AttemptFailed(logger, claim.ReportId, Name, claim.Attempt, options.MaxAttempts, next, reason);
            metrics.Retried(Name);
            await RecordOutcomeAsync(claim, "retry", token => outbox.RetryLaterAsync(claim.DeliveryId, owner, next, reason, now, token));
            return;
        }

        var final = DeliveryFailures.IsTransient(exception)
            ? $"gave up after {claim.Attempt} attempts: {reason}"
            : reason;
        Log.DeliveryFailed(logger, claim.ReportId, Name, claim.Attempt, final, claim.DeliveryId);
        metrics.Failed(Name, DeliveryFailures.IsTransient(exception) ? "exhausted" : "permanent");
        await RecordOutcomeAsync(claim, "failed", token => outbox.MarkFailedAsync(claim.DeliveryId, owner, final, now, token));
        await audit.FailedAsync(sender.Destination, claim, package, final, CancellationToken.None);
    }

    private async Task RecordOutcomeAsync(ClaimedDelivery claim, string what, Func<CancellationToken, Task<bool>> record)
    {
        using var limit = new CancellationTokenSource(RecordLimit, timeProvider);
        try
        {
            if (!await record(limit.Token))
            {
                Log.OutcomeNotRecorded(logger, claim.ReportId, Name, $"{what}: the claim was taken over by another sender");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.OutcomeNotRecorded(logger, claim.ReportId, Name, $"{what}: {ex.Message}");
        }
    }

    /// <summary>Exponential backoff from <see cref="ReportingOptions.RetryDelay"/>, capped, with ±20 % jitter so
    /// reports queued together during an outage do not all return in the same second.</summary>
    private DateTimeOffset NextAttempt(int attempt, DateTimeOffset now)
    {
        var exponent = Math.Min(attempt - 1, 20);
        var delay = Math.Min(options.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var jittered = delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return now + TimeSpan.FromMilliseconds(jittered);
    }

    private string Describe(Exception exception) => exception switch
    {
        BrokenCircuitException => lane.OpenedBy is { } cause
            ? $"destination paused by its circuit breaker after repeated failures (last: {cause})"
            : "destination paused by its circuit breaker after repeated failures",
        Polly.Timeout.TimeoutRejectedException timeout => $"attempt timed out after {timeout.Timeout}",
        _ => exception.Message.ReplaceLineEndings(" "),
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
