namespace XrayTriage.Inference.Tests;

public sealed class EnsembleBatcherTests
{
    private static readonly MemberSpec Member = new("m", Size: 16, Bias: [1, 0, 0, 0]);

    [Fact]
    public async Task PredictAsync_ConcurrentRequests_RunAsOneBatchAndMatchSingles()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var batchSizes = new List<int>();
        engine.BeforeBatch = n => { lock (batchSizes) { batchSizes.Add(n); } };
        var inputs = Enumerable.Range(0, 4).Select(i => EnsembleEngineTests.Input(engine, i - 1.5f)).ToList();
        await using var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 4, MaxWaitMilliseconds = 5_000 }, TimeProvider.System, new ListLogger());

        var results = await Task.WhenAll(inputs.Select(input => batcher.PredictAsync(input, CancellationToken.None)));

        Assert.Equal([4], batchSizes);
        for (var i = 0; i < inputs.Count; i++)
        {
            var single = engine.Predict(inputs[i]);
            Assert.Equal(single.Probabilities, results[i].Probabilities);
        }
    }

    [Fact]
    public async Task PredictAsync_MoreThanMaxBatch_SplitsIntoFullBatches()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var batchSizes = new List<int>();
        engine.BeforeBatch = n => { lock (batchSizes) { batchSizes.Add(n); } };
        await using var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 3, MaxWaitMilliseconds = 5_000 }, TimeProvider.System, new ListLogger());

        await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None)));

        Assert.Equal([3, 3], batchSizes);
    }

    [Fact]
    public async Task PredictAsync_LoneRequest_RunsAfterMaxWait()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        await using var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 8, MaxWaitMilliseconds = 20 }, TimeProvider.System, new ListLogger());

        var prediction = await batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("normal", prediction.PredictedLabel);
    }

    [Fact]
    public async Task PredictAsync_BatchFails_EveryCallerGetsTheException()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var runs = 0;
        engine.BeforeBatch = n =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InferenceException($"simulated failure of a batch of {n}");
            }
        };
        var logger = new ListLogger();
        await using var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 3, MaxWaitMilliseconds = 5_000 }, TimeProvider.System, logger);

        var failing = Enumerable.Range(0, 3)
            .Select(_ => batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None))
            .ToList();

        foreach (var task in failing)
        {
            var error = await Assert.ThrowsAsync<InferenceException>(() => task);
            Assert.Equal("simulated failure of a batch of 3", error.Message);
        }

        Assert.Contains(logger.Entries, e => e.EventId.Id == 7004 && e.Message.Contains("simulated failure", StringComparison.Ordinal));
        var later = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(_ => batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None)));
        Assert.All(later, p => Assert.Equal("normal", p.PredictedLabel));
    }

    [Fact]
    public async Task PredictAsync_InvalidInput_FailsAtOnceWithoutJoiningABatch()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var batches = 0;
        engine.BeforeBatch = _ => Interlocked.Increment(ref batches);
        await using var batcher = new EnsembleBatcher(engine, new InferenceOptions(), TimeProvider.System, new ListLogger());

        await Assert.ThrowsAsync<ArgumentException>(() => batcher.PredictAsync(new EnsembleInput([new float[5]]), CancellationToken.None));

        Assert.Equal(0, batches);
    }

    [Fact]
    public async Task PredictAsync_CancelledWhileWaiting_IsCancelledAndLeftOutOfTheBatch()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var batchSizes = new List<int>();
        engine.BeforeBatch = n => { lock (batchSizes) { batchSizes.Add(n); } };
        await using var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 2, MaxWaitMilliseconds = 5_000 }, TimeProvider.System, new ListLogger());
        using var cancellation = new CancellationTokenSource();

        var cancelled = batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var kept = await batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("normal", kept.PredictedLabel);
        Assert.Equal([1], batchSizes);
    }

    [Fact]
    public async Task DisposeAsync_FinishesQueuedRequestsThenRefusesNewOnes()
    {
        using var ensemble = await TestEnsemble.CreateAsync(Member);
        using var engine = ensemble.CreateEngine();
        var batcher = new EnsembleBatcher(
            engine, new InferenceOptions { MaxBatch = 8, MaxWaitMilliseconds = 5_000 }, TimeProvider.System, new ListLogger());
        var queued = Enumerable.Range(0, 3)
            .Select(_ => batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None))
            .ToList();

        await batcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(await Task.WhenAll(queued), p => Assert.Equal("normal", p.PredictedLabel));
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => batcher.PredictAsync(EnsembleEngineTests.Input(engine, 0), CancellationToken.None));
    }
}
