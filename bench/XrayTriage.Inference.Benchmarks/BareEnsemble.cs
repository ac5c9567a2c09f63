using Microsoft.ML.OnnxRuntime;

namespace XrayTriage.Inference.Benchmarks;

/// <summary>The baseline: one plain <see cref="InferenceSession"/> per member, created from the same file with the same
/// session options as the engine's CPU path, run member after member on a batch tensor built beforehand, fetching only
/// the logits. No validation, no copying, no softmax or triage: what the members cost in ONNX Runtime itself.</summary>
internal sealed class BareEnsemble : IDisposable
{
    private readonly SessionOptions _sessionOptions;
    private readonly RunOptions _runOptions = new();
    private readonly InferenceSession[] _sessions;
    private readonly string[][] _inputNames;
    private readonly string[][] _logitsOnly;
    private readonly Dictionary<int, OrtValue[]> _batches = [];

    private BareEnsemble(SessionOptions sessionOptions, InferenceSession[] sessions, EnsembleManifest manifest)
    {
        _sessionOptions = sessionOptions;
        _sessions = sessions;
        _inputNames = [.. manifest.Members.Select(m => new[] { m.Input.Name })];
        _logitsOnly = [.. manifest.Members.Select(m => new[] { m.Outputs.Logits })];
    }

    public static BareEnsemble Create(EnsembleManifest manifest, int intraOpThreads)
    {
        var sessionOptions = CreateSessionOptions(intraOpThreads);
        var sessions = new List<InferenceSession>();
        try
        {
            foreach (var member in manifest.Members)
            {
                sessions.Add(new InferenceSession(File.ReadAllBytes(manifest.ResolveMemberPath(member)), sessionOptions));
            }

            return new BareEnsemble(sessionOptions, [.. sessions], manifest);
        }
        catch
        {
            sessions.ForEach(s => s.Dispose());
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>What <c>ExecutionProviderSelector</c> builds for <c>Inference:ExecutionProvider=cpu</c> (internal to
    /// XrayTriage.Inference, so mirrored here; keep the two in step).</summary>
    public static SessionOptions CreateSessionOptions(int intraOpThreads) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        IntraOpNumThreads = intraOpThreads,
    };

    /// <summary>Pins the first <paramref name="count"/> images as one NCHW tensor per member, once per batch size.</summary>
    public void Prepare(BenchmarkInputs inputs, int count)
    {
        if (_batches.ContainsKey(count))
        {
            return;
        }

        var values = new OrtValue[_sessions.Length];
        for (var m = 0; m < _sessions.Length; m++)
        {
            var spec = inputs.Members[m];
            values[m] = OrtValue.CreateTensorValueFromMemory(inputs.Batch(m, count), [count, spec.Channels, spec.Height, spec.Width]);
        }

        _batches.Add(count, values);
    }

    /// <summary>Runs every member on the prepared batch; returns the first logit of each (so the run is not dead code).</summary>
    public float Run(int count)
    {
        var values = _batches[count];
        var sum = 0f;
        for (var m = 0; m < _sessions.Length; m++)
        {
            using var outputs = _sessions[m].Run(_runOptions, _inputNames[m], [values[m]], _logitsOnly[m]);
            sum += outputs[0].GetTensorDataAsSpan<float>()[0];
        }

        return sum;
    }

    /// <summary>The logits [count, classes] of member <paramref name="member"/>, for the check against the engine.</summary>
    public float[] Logits(int member, int count)
    {
        using var outputs = _sessions[member].Run(_runOptions, _inputNames[member], [_batches[count][member]], _logitsOnly[member]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose()
    {
        foreach (var value in _batches.Values.SelectMany(v => v))
        {
            value.Dispose();
        }

        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _runOptions.Dispose();
        _sessionOptions.Dispose();
    }
}
