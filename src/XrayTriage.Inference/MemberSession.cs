using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>One member's ONNX Runtime session, created once after its file matched the manifest's SHA-256 and its
/// input/output names and shapes matched the manifest.
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe, so one session serves concurrent batches.</summary>
internal sealed class MemberSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[][] _outputNames;

    private MemberSession(EnsembleMemberManifest manifest, InferenceSession session)
    {
        Manifest = manifest;
        _session = session;
        _inputNames = [manifest.Input.Name];
        var outputs = manifest.Outputs;
        _outputNames =
        [
            [outputs.Logits],
            [outputs.Logits, outputs.ClassMaps],
            [outputs.Logits, outputs.FeatureMap],
            [outputs.Logits, outputs.ClassMaps, outputs.FeatureMap],
        ];
    }

    public EnsembleMemberManifest Manifest { get; }

    public string Name => Manifest.Name;

    public int TensorLength => Manifest.Input.TensorLength;

    /// <summary>Class-map width and height, known after the warm-up run.</summary>
    public int MapWidth { get; private set; }

    public int MapHeight { get; private set; }

    /// <summary>Channels of the feature map (K of [N, K, h, w]), known after the warm-up run: this member's share of
    /// the content gate's pooled feature vector.</summary>
    public int FeatureChannels { get; private set; }

    public static MemberSession Create(
        EnsembleMemberManifest manifest, string path, byte[] model, SessionOptions sessionOptions, RunOptions runOptions)
    {
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException($"Ensemble member '{manifest.Name}': ONNX Runtime cannot load {path}: {ex.Message}", ex);
        }

        var member = new MemberSession(manifest, session);
        try
        {
            member.CheckMetadata();
            member.WarmUp(runOptions);
            return member;
        }
        catch
        {
            member.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="count"/> images (CHW tensors <paramref name="tensorOf"/>(i)) as one batch; the caller
    /// disposes the returned outputs, in this order: logits [N, 4]; when <paramref name="withClassMaps"/>, class maps
    /// [N, 4, h, w]; when <paramref name="withFeatures"/>, the feature map [N, K, h, w].</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(
        int count, Func<int, float[]> tensorOf, bool withClassMaps, bool withFeatures, RunOptions runOptions)
    {
        var input = Manifest.Input;
        long[] shape = [count, input.Channels, input.Height, input.Width];
        var outputNames = _outputNames[(withClassMaps ? 1 : 0) + (withFeatures ? 2 : 0)];
        if (count == 1)
        {
            using var single = OrtValue.CreateTensorValueFromMemory(tensorOf(0), shape);
            return RunChecked(runOptions, single, outputNames);
        }

        var length = TensorLength;
        var buffer = ArrayPool<float>.Shared.Rent(count * length);
        try
        {
            for (var i = 0; i < count; i++)
            {
                tensorOf(i).AsSpan().CopyTo(buffer.AsSpan(i * length, length));
            }

            using var batch = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * length), shape);
            return RunChecked(runOptions, batch, outputNames);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _session.Dispose();

    private IDisposableReadOnlyCollection<OrtValue> RunChecked(RunOptions runOptions, OrtValue input, string[] outputNames)
    {
        try
        {
            return _session.Run(runOptions, _inputNames, [input], outputNames);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException($"Ensemble member '{Name}' failed to run: {ex.Message}", ex);
        }
    }

    private void CheckMetadata()
    {
        var input = Manifest.Input;
        var outputs = Manifest.Outputs;
        var inputShape = Require(_session.InputMetadata, input.Name, "input", 4);
        CheckDimension(inputShape, 1, input.Channels, input.Name, "channels");
        CheckDimension(inputShape, 2, input.Height, input.Name, "height");
        CheckDimension(inputShape, 3, input.Width, input.Name, "width");
        var logits = Require(_session.OutputMetadata, outputs.Logits, "output", 2);
        CheckDimension(logits, 1, EnsembleLabels.Count, outputs.Logits, "classes");
        Require(_session.OutputMetadata, outputs.FeatureMap, "output", 4);
        var maps = Require(_session.OutputMetadata, outputs.ClassMaps, "output", 4);
        CheckDimension(maps, 1, EnsembleLabels.Count, outputs.ClassMaps, "classes");
    }

    private int[] Require(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, string kind, int rank)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': the model has no {kind} '{name}' "
                + $"(it has {string.Join(", ", nodes.Keys.Select(k => $"'{k}'"))}).");
        }

        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': {kind} '{name}' must be a float32 tensor (is {node.ElementDataType}).");
        }

        if (node.Dimensions.Length != rank)
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': {kind} '{name}' must have rank {rank} (has shape [{string.Join(", ", node.Dimensions)}]).");
        }

        return node.Dimensions;
    }

    private void CheckDimension(int[] dimensions, int axis, int expected, string name, string what)
    {
        if (dimensions[axis] >= 0 && dimensions[axis] != expected)
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': '{name}' has {what} {dimensions[axis]} in the model but {expected} in the manifest "
                + $"(shape [{string.Join(", ", dimensions)}]).");
        }
    }

    private void WarmUp(RunOptions runOptions)
    {
        var zeros = new float[TensorLength];
        using var outputs = Run(1, _ => zeros, withClassMaps: true, withFeatures: true, runOptions);
        var logitsShape = outputs[0].GetTensorTypeAndShape().Shape;
        var mapShape = outputs[1].GetTensorTypeAndShape().Shape;
        var featureShape = outputs[2].GetTensorTypeAndShape().Shape;
        if (logitsShape is not [1, 4])
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': warm-up logits have shape [{string.Join(", ", logitsShape)}], expected [1, 4].");
        }

        if (mapShape is not [1, 4, > 0, > 0])
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': warm-up class maps have shape [{string.Join(", ", mapShape)}], expected [1, 4, h, w].");
        }

        if (featureShape is not [1, > 0, > 0, > 0])
        {
            throw new InferenceException(
                $"Ensemble member '{Name}': warm-up features have shape [{string.Join(", ", featureShape)}], expected [1, K, h, w].");
        }

        MapHeight = checked((int)mapShape[2]);
        MapWidth = checked((int)mapShape[3]);
        FeatureChannels = checked((int)featureShape[1]);
    }
}
