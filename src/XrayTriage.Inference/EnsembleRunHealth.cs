namespace XrayTriage.Inference;

/// <summary>How the ensemble's recent runs went, for the readiness check: a model that loaded at start-up can still
/// fail every run later (a GPU that fell off the bus, out of device memory, a runtime fault), and then no film gets a
/// triage result although the service is up. Thread-safe; the engine records every batch.</summary>
public sealed class EnsembleRunHealth
{
    /// <summary>This many failed runs in a row and the ensemble counts as not working.</summary>
    public const int FailedRunsUntilUnhealthy = 3;

    private readonly Lock _gate = new();
    private long _runs;
    private long _failedRuns;
    private int _consecutiveFailures;
    private string? _lastFailure;

    /// <summary>Runs so far, failed runs, failures since the last success and the last failure's exception type (never
    /// its message, which can name a file), read together.</summary>
    public EnsembleRunSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new EnsembleRunSnapshot(_runs, _failedRuns, _consecutiveFailures, _lastFailure);
        }
    }

    /// <summary>The state of the current snapshot (<see cref="EnsembleRunSnapshot.State"/>).</summary>
    public EnsembleRunState State => Snapshot().State;

    internal void RecordSuccess()
    {
        lock (_gate)
        {
            _runs++;
            _consecutiveFailures = 0;
        }
    }

    /// <summary>Records a failed run; returns false so it can be used as an exception filter that lets the exception
    /// go on to the caller.</summary>
    internal bool RecordFailure(Exception exception)
    {
        lock (_gate)
        {
            _runs++;
            _failedRuns++;
            _consecutiveFailures++;
            _lastFailure = exception.GetType().Name;
        }

        return false;
    }
}

/// <summary>One consistent reading of <see cref="EnsembleRunHealth"/>.</summary>
public readonly record struct EnsembleRunSnapshot(long Runs, long FailedRuns, int ConsecutiveFailures, string? LastFailure)
{
    /// <summary>Working while the last run succeeded (or none ran yet); <see cref="EnsembleRunState.LastRunFailed"/>
    /// after one or two failures in a row; <see cref="EnsembleRunState.Failing"/> from
    /// <see cref="EnsembleRunHealth.FailedRunsUntilUnhealthy"/> on.</summary>
    public EnsembleRunState State => ConsecutiveFailures switch
    {
        0 => EnsembleRunState.Working,
        < EnsembleRunHealth.FailedRunsUntilUnhealthy => EnsembleRunState.LastRunFailed,
        _ => EnsembleRunState.Failing,
    };
}

/// <summary>What <see cref="EnsembleRunSnapshot.State"/> says of the ensemble's recent runs.</summary>
public enum EnsembleRunState
{
    Working,
    LastRunFailed,
    Failing,
}
