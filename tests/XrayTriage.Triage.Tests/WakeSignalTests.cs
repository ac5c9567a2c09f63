using XrayTriage.Core.Pipeline;

namespace XrayTriage.Triage.Tests;

public sealed class WakeSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitAsync_NotifiedAfterTheVersionWasRead_ReturnsAtOnce()
    {
        var signal = new WakeSignal();
        var seen = signal.Version;
        signal.Notify();

        var wait = signal.WaitAsync(seen, Long, TimeProvider.System, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task Notify_ThreeWaiters_WakesEveryOne()
    {
        var signal = new WakeSignal();
        var seen = signal.Version;
        var waiters = Enumerable.Range(0, 3)
            .Select(_ => signal.WaitAsync(seen, Long, TimeProvider.System, CancellationToken.None))
            .ToList();
        Assert.All(waiters, w => Assert.False(w.IsCompleted));

        signal.Notify();

        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(seen + 1, signal.Version);
    }

    [Fact]
    public async Task WaitAsync_NoNotification_ReturnsAfterTheTimeoutAndThrowsOnlyOnCancellation()
    {
        var signal = new WakeSignal();
        var started = TimeProvider.System.GetTimestamp();

        await signal.WaitAsync(signal.Version, TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(90));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => signal.WaitAsync(signal.Version, Long, TimeProvider.System, cancelled.Token));
    }
}
