namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>The Association Request/Reject/Release timer, driven by a <see cref="TimeProvider"/>.</summary>
/// <remarks>
/// PS3.8 §9.1.5. Expiry raises Evt18 through the callback. A stale expiry (a timer that fired after it
/// was stopped or restarted) is filtered out by a generation number, so the owner never sees it.
/// </remarks>
internal sealed class ArtimTimer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly Action _onExpired;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private long _generation;

    public ArtimTimer(TimeProvider timeProvider, TimeSpan timeout, Action onExpired)
    {
        _timeProvider = timeProvider;
        _timeout = timeout;
        _onExpired = onExpired;
    }

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _timer is not null;
            }
        }
    }

    public void Start()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            var generation = ++_generation;
            _timer = _timeProvider.CreateTimer(_ => Fire(generation), null, _timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _generation++;
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose() => Stop();

    private void Fire(long generation)
    {
        lock (_lock)
        {
            if (generation != _generation || _timer is null)
            {
                return;
            }

            _timer.Dispose();
            _timer = null;
        }

        _onExpired();
    }
}
