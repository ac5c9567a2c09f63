namespace XrayTriage.Inference.Benchmarks;

/// <summary>One way of running a batch of <c>count</c> images; <see cref="Run"/> is timed as a whole.</summary>
internal sealed record BenchmarkMode(string Name, Func<int, ValueTask> Run)
{
    public const string Bare = "bare ORT sessions, members in turn";
    public const string Engine = "EnsembleEngine.Predict";
    public const string EngineWithoutGate = "EnsembleEngine.Predict, content gate off";
    public const string Heatmap = "EnsembleEngine.Predict + heatmap";
    public const string Batcher = "EnsembleBatcher, N concurrent requests";
}
