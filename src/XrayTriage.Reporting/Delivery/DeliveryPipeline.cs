using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace XrayTriage.Reporting.Delivery;

/// <summary>The Polly pipeline of one destination, outermost first: a few quick retries of transient failures
/// (exponential backoff with jitter), a circuit breaker that pauses the destination after repeated failures, and a
/// time limit per attempt. Permanent failures pass straight through; everything longer than a few seconds of
/// waiting belongs to the outbox (the report is claimed again later), so no retry holds a claim for long.</summary>
internal static class DeliveryPipeline
{
    public static ResiliencePipeline Create(
        string destination, ReportingOptions options, TimeProvider timeProvider, ILogger logger, Action<Exception?>? opened = null)
    {
        var builder = new ResiliencePipelineBuilder { Name = $"pacs:{destination}", TimeProvider = timeProvider };
        if (options.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = DeliveryFailures.TransientPredicate(),
                MaxRetryAttempts = options.ImmediateRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ImmediateRetryDelay,
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = DeliveryFailures.TransientPredicate(),
            // Every attempt in the window failed and there were enough of them: the destination is down, not flaky.
            FailureRatio = 1.0,
            MinimumThroughput = options.BreakerFailures,
            SamplingDuration = options.BreakDuration * 2 > TimeSpan.FromSeconds(1) ? options.BreakDuration * 2 : TimeSpan.FromSeconds(1),
            BreakDuration = options.BreakDuration,
            OnOpened = args =>
            {
                opened?.Invoke(args.Outcome.Exception);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.DestinationResumed(logger, destination);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }
}
