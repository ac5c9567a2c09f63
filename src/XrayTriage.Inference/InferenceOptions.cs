namespace XrayTriage.Inference;

/// <summary>How the ensemble runs. Section <c>Inference</c> (env <c>Inference__ExecutionProvider</c>, …). Where the
/// models are is the Host's <c>Models:Path</c>; the manifest is <c>ensemble.json</c> in that folder.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary><c>auto</c> (CUDA when it can be initialized, else CPU with a warning), <c>cuda</c> (CUDA or refuse to
    /// start) or <c>cpu</c>.</summary>
    public string ExecutionProvider { get; set; } = ExecutionProviders.Auto;

    /// <summary>CUDA device ordinal.</summary>
    public int DeviceId { get; set; }

    /// <summary>Threads inside one operator; 0 leaves ONNX Runtime's default (one per physical core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Threads across independent operators; 0 leaves ONNX Runtime's default.</summary>
    public int InterOpThreads { get; set; }

    /// <summary>Whether ONNX Runtime's idle intra-op threads spin (busy-wait) for the next operator instead of sleeping.
    /// Spinning shaves microseconds off each operator when the model has the cores to itself; in this service the
    /// same cores decode the next films and run PostgreSQL, and the spinning threads take their time
    /// (docs/benchmarks.md, "Pipeline flat out"). Off by default.</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Most images run together in one session run by the micro-batcher.</summary>
    public int MaxBatch { get; set; } = 8;

    /// <summary>Longest the micro-batcher waits for more images once it holds one; 0 runs whatever is queued at once.</summary>
    public int MaxWaitMilliseconds { get; set; } = 5;
}
