using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace XrayTriage.Inference;

/// <summary>The content gate's ONNX Runtime session (<c>contentGate</c> of the manifest): pooled features [N, D] →
/// score [N]. Created once from the bytes whose SHA-256 matched the manifest; D must be the members' feature channels.</summary>
internal sealed class ContentGateSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private ContentGateSession(ContentGateManifest manifest, InferenceSession session, int features)
    {
        Manifest = manifest;
        _session = session;
        Features = features;
        _inputNames = [manifest.Input];
        _outputNames = [manifest.Output];
    }

    public ContentGateManifest Manifest { get; }

    /// <summary>D: the length of one image's pooled feature vector.</summary>
    public int Features { get; }

    public static ContentGateSession Create(
        ContentGateManifest manifest, string path, int features, SessionOptions sessionOptions, RunOptions runOptions)
    {
        var model = ModelFileVerifier.ReadVerified("Content gate", manifest.Sha256, path);
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException($"Content gate: ONNX Runtime cannot load {path}: {ex.Message}", ex);
        }

        var gate = new ContentGateSession(manifest, session, features);
        try
        {
            gate.CheckMetadata();
            gate.Run(new float[features], 1, runOptions);
            return gate;
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>Scores <paramref name="count"/> images whose pooled features lie back to back in <paramref name="pooled"/>.</summary>
    public float[] Run(float[] pooled, int count, RunOptions runOptions)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(pooled, [count, Features]);
        try
        {
            using var outputs = _session.Run(runOptions, _inputNames, [input], _outputNames);
            var scores = outputs[0].GetTensorDataAsSpan<float>();
            if (scores.Length != count)
            {
                throw new InferenceException($"Content gate: output '{Manifest.Output}' has {scores.Length} values for {count} images.");
            }

            return scores.ToArray();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException($"Content gate failed to run: {ex.Message}", ex);
        }
    }

    public void Dispose() => _session.Dispose();

    private void CheckMetadata()
    {
        if (!_session.InputMetadata.TryGetValue(Manifest.Input, out var input) || !input.IsTensor
            || input.ElementDataType != TensorElementType.Float || input.Dimensions is not [_, var d])
        {
            throw new InferenceException($"Content gate: the model needs a float32 input '{Manifest.Input}' of shape [N, D] "
                + $"(it has {Describe(_session.InputMetadata)}).");
        }

        if (d >= 0 && d != Features)
        {
            throw new InferenceException(
                $"Content gate: input '{Manifest.Input}' has D = {d}, the members' feature maps give {Features} channels.");
        }

        if (!_session.OutputMetadata.TryGetValue(Manifest.Output, out var output) || !output.IsTensor
            || output.ElementDataType != TensorElementType.Float || output.Dimensions.Length != 1)
        {
            throw new InferenceException($"Content gate: the model needs a float32 output '{Manifest.Output}' of shape [N] "
                + $"(it has {Describe(_session.OutputMetadata)}).");
        }
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes)
        => string.Join(", ", nodes.Select(n => $"'{n.Key}' [{string.Join(", ", n.Value.Dimensions)}]"));
}
