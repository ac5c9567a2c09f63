using XrayTriage.Core.Pipeline;

namespace XrayTriage.Triage;

internal sealed partial class TriageWorker
{
    /// <summary>Prepares one claimed image and hands it to the micro-batcher; returns once it is queued for inference
    /// (or finished, when it never gets there), with the task that records its outcome.</summary>
    private async Task<Task> StartAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        var claim = work.Claim;
        if (claim.Attempts >= _options.MaxAttempts)
        {
            // Only a lease takeover gets here (a recorded failure fails the instance at the limit itself): the image
            // brought down or hung a worker on every attempt, so it is not tried again.
            await FailAsync(claim,
                $"attempts exhausted: {claim.Attempts} of {_options.MaxAttempts} did not finish (the worker's lease expired)",
                cancellationToken);
            return Task.CompletedTask;
        }

        try
        {
            var outcome = await _triage.StartAsync(claim, cancellationToken);
            return FinishAsync(work, outcome, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown timeout: the claim comes back after its lease.
        }
#pragma warning disable CA1031 // One image's failure is recorded against it and never stops the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await FailAsync(claim, OneLine(ex), cancellationToken);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the image's inference and commits its findings, or records the failure.</summary>
    private async Task FinishAsync(ClaimedWork work, Task<InferenceOutcome> pending, CancellationToken cancellationToken)
    {
        var claim = work.Claim;
        try
        {
            var outcome = await pending;
            var recording = _timeProvider.GetTimestamp();
            var result = await _store.CompleteAsync(claim.InstanceId, outcome, _timeProvider.GetUtcNow(), cancellationToken);
            _metrics.Stage(TriageStage.Record, _timeProvider.GetElapsedTime(recording));
            switch (result)
            {
                case CompleteOutcome.Triaged or CompleteOutcome.AlreadyTriaged:
                    var claimToComplete = _timeProvider.GetElapsedTime(work.ClaimedAt);
                    var receivedToComplete = claim.ReceivedAt is { } receivedAt ? _timeProvider.GetUtcNow() - receivedAt : (TimeSpan?)null;
                    _metrics.Triaged(claimToComplete, receivedToComplete);
                    if (result == CompleteOutcome.Triaged)
                    {
                        Log.InstanceTriaged(
                            _logger, claim.InstanceId, outcome.Priority.ToString(), outcome.LatencyMs, claimToComplete.TotalMilliseconds);
                        if (outcome.NotAssessableReason is { } reason)
                        {
                            _metrics.NotAssessable(reason);
                            Log.InstanceNotAssessable(
                                _logger, claim.InstanceId, reason.ToString(), outcome.ContentGateScore, outcome.ContentGateThreshold);
                        }
                    }
                    else
                    {
                        Log.InstanceAlreadyTriaged(_logger, claim.InstanceId);
                    }

                    break;
                default:
                    Log.InstanceNotFound(_logger, claim.InstanceId);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown timeout: the claim comes back after its lease.
        }
#pragma warning disable CA1031 // One image's failure is recorded against it and never stops the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await FailAsync(claim, OneLine(ex), cancellationToken);
        }
    }

    private async Task FailAsync(ClaimedInstance claim, string reason, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _store.FailAsync(
                claim.InstanceId, WorkerId, reason, _options.MaxAttempts, _options.RetryBackoff, _timeProvider.GetUtcNow(),
                cancellationToken);
            if (result is null)
            {
                Log.FailureNotRecorded(_logger, claim.InstanceId, "the claim is no longer this worker's", reason);
                return;
            }

            var final = result.State == InstanceState.Failed;
            _metrics.Failed(final);
            if (final)
            {
                Log.InstanceFailed(_logger, claim.InstanceId, result.Attempts, reason);
            }
            else
            {
                Log.AttemptFailed(_logger, claim.InstanceId, result.Attempts, _options.MaxAttempts, result.NextAttemptAt, reason);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown timeout: the claim comes back after its lease.
        }
#pragma warning disable CA1031 // The database is away: the lease returns the instance, nothing is lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.FailureNotRecorded(_logger, claim.InstanceId, OneLine(ex), reason);
        }
    }
}
