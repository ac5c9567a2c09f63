namespace XrayTriage.Core.Pipeline;

/// <summary>
/// The one wake-up of the loops that poll the database for work (triage claims, report fan-out and delivery):
/// <see cref="Notify"/> wakes every waiter at once. A waiter reads <see cref="Version"/> before it looks for work and
/// passes it to <see cref="WaitAsync"/>, which returns at once when a notification came in between, so none is lost.
/// Only a hint: the database is the queue and every waiter also wakes after its poll interval.
/// </summary>
public sealed class WakeSignal
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource _next = NewSource();

    /// <summary>How many notifications there have been; read it before looking for work.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Says that there is new work. Cheap, never blocks, safe from any thread.</summary>
    public void Notify()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            _version++;
            fired = _next;
            _next = NewSource();
        }

        fired.TrySetResult();
    }

    /// <summary>Returns when there has been a notification since <paramref name="seen"/> was read, or after
    /// <paramref name="timeout"/>, whichever is first; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(long seen, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Task next;
        lock (_gate)
        {
            if (_version != seen)
            {
                return;
            }

            next = _next.Task;
        }

        try
        {
            await next.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll interval passed without a notification: look anyway.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
