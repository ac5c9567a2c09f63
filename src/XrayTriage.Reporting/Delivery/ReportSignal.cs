using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Wakes the dispatcher when this process settles a study, so a report leaves at once instead of at the next
/// poll. Only a hint: the outbox in the database is the record, and studies settled by another process are found by
/// polling.</summary>
internal sealed class ReportSignal : ISettledStudySink
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    public Task PublishAsync(SettledStudy study, CancellationToken cancellationToken)
    {
        Pulse();
        return Task.CompletedTask;
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = NewSource();
        }

        fired.TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Pulse"/> or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Task next;
        lock (_gate)
        {
            next = _next.Task;
        }

        try
        {
            await next.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Poll interval elapsed without a signal.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
