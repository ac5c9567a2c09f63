using System.Threading.Channels;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Triage;

/// <summary>A level-triggered wake-up: any number of <see cref="Notify"/> calls before the worker looks collapse into one.</summary>
internal sealed class TriageSignal(TimeProvider timeProvider) : ITriageSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Notify() => _pending.Writer.TryWrite(true);

    /// <summary>Waits until notified or <paramref name="timeout"/> passed; consumes the notification.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _pending.Reader.WaitToReadAsync(linked.Token);
            _pending.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: look anyway.
        }
    }
}
