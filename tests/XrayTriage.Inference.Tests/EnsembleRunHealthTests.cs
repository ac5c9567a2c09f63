namespace XrayTriage.Inference.Tests;

/// <summary>The engine's record of its runs, which the service's readiness check reports (issue 21 item 6: the check
/// could never say unhealthy).</summary>
public sealed class EnsembleRunHealthTests
{
    private static readonly MemberSpec Member = new("m", Size: 16, Bias: [1, 0, 0, 0]);

    [Fact]
    public async Task Predict_FailingRuns_GoFromLastRunFailedToFailingAndBackToWorkingAfterOneSuccess()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var fail = true;
        engine.BeforeBatch = _ =>
        {
            if (fail)
            {
                throw new InvalidOperationException("simulated device failure in /secret/path");
            }
        };
        var before = engine.RunHealth.Snapshot();
        Assert.Equal(EnsembleRunState.Working, engine.RunHealth.State);

        var states = new List<EnsembleRunState>();
        for (var i = 0; i < EnsembleRunHealth.FailedRunsUntilUnhealthy; i++)
        {
            Assert.Throws<InvalidOperationException>(() => engine.Predict(EnsembleEngineTests.Input(engine, 0)));
            states.Add(engine.RunHealth.State);
        }

        Assert.Equal([EnsembleRunState.LastRunFailed, EnsembleRunState.LastRunFailed, EnsembleRunState.Failing], states);
        var failing = engine.RunHealth.Snapshot();
        Assert.Equal(before.Runs + 3, failing.Runs);
        Assert.Equal(before.FailedRuns + 3, failing.FailedRuns);
        Assert.Equal(3, failing.ConsecutiveFailures);
        Assert.Equal(nameof(InvalidOperationException), failing.LastFailure);

        fail = false;
        Assert.Equal("normal", engine.Predict(EnsembleEngineTests.Input(engine, 0)).PredictedLabel);

        var recovered = engine.RunHealth.Snapshot();
        Assert.Equal(EnsembleRunState.Working, engine.RunHealth.State);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(before.FailedRuns + 3, recovered.FailedRuns);
        Assert.Equal(before.Runs + 4, recovered.Runs);
    }

    [Fact]
    public async Task Predict_InvalidInput_IsNotARunFailure()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var before = engine.RunHealth.Snapshot();

        Assert.Throws<ArgumentException>(() => engine.Predict(new EnsembleInput([new float[5]])));

        Assert.Equal(before, engine.RunHealth.Snapshot());
        Assert.Equal(EnsembleRunState.Working, engine.RunHealth.State);
    }
}
