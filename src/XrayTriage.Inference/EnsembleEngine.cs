using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Inference;

/// <summary>The loaded ensemble: one verified ONNX Runtime session per member on the selected execution provider.
/// <see cref="Predict(IReadOnlyList{EnsembleInput})"/> runs a batch with one session run per member and returns, per
/// image, the weighted mean of the members' softmax, the triage decision, the content gate's verdict (when the manifest
/// has a <c>contentGate</c>: the members' feature maps pooled over H,W, concatenated, scored by one more session) and
/// optionally the heatmap. Thread-safe.</summary>
public sealed class EnsembleEngine : IDisposable
{
    private readonly MemberSession[] _members;
    private readonly ContentGateSession? _gate;
    private readonly double[] _weights;
    private readonly SessionOptions _sessionOptions;
    private readonly RunOptions _runOptions;
    private int _disposed;

    private EnsembleEngine(
        EnsembleManifest manifest,
        MemberSession[] members,
        ContentGateSession? gate,
        SessionOptions sessionOptions,
        RunOptions runOptions,
        string activeProvider,
        string device,
        TriagePolicy triagePolicy)
    {
        Manifest = manifest;
        _members = members;
        _gate = gate;
        _sessionOptions = sessionOptions;
        _runOptions = runOptions;
        ActiveProvider = activeProvider;
        Device = device;
        var total = members.Sum(m => m.Manifest.Weight);
        _weights = members.Select(m => m.Manifest.Weight / total).ToArray();
        TriagePolicy = triagePolicy;
        MemberInputs = members.Select(m => m.Manifest.Input).ToArray();
    }

    public EnsembleManifest Manifest { get; }

    /// <summary><c>CUDA</c> or <c>CPU</c>: where the sessions actually run.</summary>
    public string ActiveProvider { get; }

    /// <summary>Human-readable device description, e.g. <c>CUDA device 0</c> or the CPU's processor count.</summary>
    public string Device { get; }

    public TriagePolicy TriagePolicy { get; }

    /// <summary>The content gate in force; null when the manifest has none (every image gets a class).</summary>
    public ContentGateManifest? ContentGate => _gate?.Manifest;

    /// <summary>Member weights normalized to sum 1, in manifest order.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Each member's input contract, in manifest order: what <see cref="EnsembleInput.MemberTensors"/> must hold.</summary>
    public IReadOnlyList<MemberInputManifest> MemberInputs { get; }

    /// <summary>Test seam: called with the batch size before the members run (count runs, or throw to simulate a failure).</summary>
    internal Action<int>? BeforeBatch { get; set; }

    /// <summary>How recent runs went (the readiness check reports it).</summary>
    public EnsembleRunHealth RunHealth { get; } = new();

    /// <summary>Loads <c>ensemble.json</c> from <paramref name="modelsFolder"/> and its members; with
    /// <paramref name="thresholdsPath"/>, triage decides with that site thresholds file instead of the shipped thresholds
    /// (checked against the manifest before any session is created).</summary>
    /// <exception cref="SiteThresholdsException">The thresholds file cannot be read or belongs to another model.</exception>
    public static EnsembleEngine Load(string modelsFolder, InferenceOptions options, ILogger logger, string? thresholdsPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelsFolder);
        var manifest = EnsembleManifest.Load(Path.Combine(modelsFolder, EnsembleManifest.FileName));
        var operatingPoint = string.IsNullOrEmpty(thresholdsPath)
            ? null
            : SiteThresholdsFile.Load(thresholdsPath).OperatingPointFor(manifest);
        return Create(manifest, options, logger, operatingPoint);
    }

    /// <summary>Selects the execution provider, verifies each member file's SHA-256, creates the sessions, checks their
    /// input/output names and shapes against the manifest and warms each up with one zero image.</summary>
    public static EnsembleEngine Create(
        EnsembleManifest manifest, InferenceOptions options, ILogger logger, TriageOperatingPoint? operatingPoint = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var (sessionOptions, provider, device) = ExecutionProviderSelector.Create(options, logger);
        var runOptions = new RunOptions();
        var members = new List<MemberSession>(manifest.Members.Count);
        ContentGateSession? gate = null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var member in manifest.Members)
            {
                var path = manifest.ResolveMemberPath(member);
                var model = ModelFileVerifier.ReadVerified(member, path);
                var session = MemberSession.Create(member, path, model, sessionOptions, runOptions);
                members.Add(session);
                Log.MemberLoaded(logger, member.Name, path, session.MapWidth, session.MapHeight);
            }

            if (manifest.ContentGate is { } gateManifest)
            {
                var path = manifest.ResolvePath(gateManifest.File);
                gate = ContentGateSession.Create(gateManifest, path, members.Sum(m => m.FeatureChannels), sessionOptions, runOptions);
                Log.ContentGateLoaded(logger, path, gate.Features, gateManifest.Threshold);
            }
            else
            {
                Log.NoContentGate(logger, manifest.Name, manifest.Version);
            }

            Log.EnsembleLoaded(
                logger, manifest.Name, manifest.Version, members.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var policy = operatingPoint is null ? TriagePolicy.FromManifest(manifest) : TriagePolicy.For(operatingPoint);
            var engine = new EnsembleEngine(manifest, [.. members], gate, sessionOptions, runOptions, provider, device, policy);
            InferenceMetrics.Register(engine);
            return engine;
        }
        catch
        {
            members.ForEach(m => m.Dispose());
            gate?.Dispose();
            runOptions.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    public EnsemblePrediction Predict(EnsembleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Predict([input])[0];
    }

    /// <summary>Runs the images as one batch: one session run per member.</summary>
    public IReadOnlyList<EnsemblePrediction> Predict(IReadOnlyList<EnsembleInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var i = 0; i < inputs.Count; i++)
        {
            Validate(inputs[i], i);
        }

        var count = inputs.Count;
        if (count == 0)
        {
            return [];
        }

        var started = Stopwatch.GetTimestamp();
        var withMaps = inputs.Any(i => i.Heatmap is not null);
        var withFeatures = _gate is not null;
        var outputs = new IDisposableReadOnlyCollection<OrtValue>?[_members.Length];
        try
        {
            BeforeBatch?.Invoke(count);
            for (var m = 0; m < _members.Length; m++)
            {
                var member = m;
                outputs[m] = _members[m].Run(count, i => inputs[i].MemberTensors[member], withMaps, withFeatures, _runOptions);
            }

            var gateScores = _gate is null ? null : _gate.Run(PooledFeatures(outputs!, count, withMaps ? 2 : 1), count, _runOptions);
            var predictions = new EnsemblePrediction[count];
            for (var i = 0; i < count; i++)
            {
                predictions[i] = Combine(outputs!, i, inputs[i].Heatmap) with
                {
                    ContentGate = gateScores is null ? null : new ContentGateResult(gateScores[i], _gate!.Manifest.Threshold),
                };
            }

            InferenceMetrics.RecordBatch(ActiveProvider, count, Stopwatch.GetElapsedTime(started));
            RunHealth.RecordSuccess();
            return predictions;
        }
        catch (Exception ex) when (RunHealth.RecordFailure(ex))
        {
            throw; // never reached: the filter records the failure and returns false
        }
        finally
        {
            foreach (var output in outputs)
            {
                output?.Dispose();
            }
        }
    }

    /// <summary>Validates an input without running it, so a caller can be refused before its request joins a batch.</summary>
    public void Validate(EnsembleInput input, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MemberTensors is null || input.MemberTensors.Count != _members.Length)
        {
            throw new ArgumentException(
                $"Input {index} has {input.MemberTensors?.Count ?? 0} tensors; the ensemble has {_members.Length} members.", nameof(input));
        }

        for (var m = 0; m < _members.Length; m++)
        {
            var tensor = input.MemberTensors[m];
            if (tensor is null || tensor.Length != _members[m].TensorLength)
            {
                var spec = _members[m].Manifest.Input;
                throw new ArgumentException(
                    $"Input {index}: member '{_members[m].Name}' needs {spec.Channels}×{spec.Height}×{spec.Width} "
                    + $"= {spec.TensorLength} floats (got {tensor?.Length ?? 0}).",
                    nameof(input));
            }
        }

        if (input.Heatmap is { } size && (size.Width is < 1 or > 16384 || size.Height is < 1 or > 16384))
        {
            throw new ArgumentException($"Input {index}: heatmap size {size.Width}×{size.Height} is outside 1–16384.", nameof(input));
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        InferenceMetrics.Unregister(this);
        foreach (var member in _members)
        {
            member.Dispose();
        }

        _gate?.Dispose();

        _runOptions.Dispose();
        _sessionOptions.Dispose();
    }

    /// <summary>The content gate's input: per image, each member's feature map [K, h, w] averaged over h and w, the
    /// members concatenated in manifest order; images back to back ([N, D] row-major).</summary>
    internal static float[] PooledFeatures(IDisposableReadOnlyCollection<OrtValue>[] outputs, int count, int featureOutput)
    {
        var shapes = outputs.Select(o => o[featureOutput].GetTensorTypeAndShape().Shape).ToArray();
        var dimension = shapes.Sum(s => checked((int)s[1]));
        var pooled = new float[count * dimension];
        var offset = 0;
        for (var m = 0; m < outputs.Length; m++)
        {
            var channels = checked((int)shapes[m][1]);
            var plane = checked((int)(shapes[m][2] * shapes[m][3]));
            var features = outputs[m][featureOutput].GetTensorDataAsSpan<float>();
            for (var i = 0; i < count; i++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0.0;
                    foreach (var v in features.Slice(((i * channels) + c) * plane, plane))
                    {
                        sum += v;
                    }

                    pooled[(i * dimension) + offset + c] = (float)(sum / plane);
                }
            }

            offset += channels;
        }

        return pooled;
    }

    internal static double[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        var result = new double[logits.Length];
        var sum = 0.0;
        for (var k = 0; k < logits.Length; k++)
        {
            result[k] = Math.Exp(logits[k] - max);
            sum += result[k];
        }

        for (var k = 0; k < result.Length; k++)
        {
            result[k] /= sum;
        }

        return result;
    }

    private EnsemblePrediction Combine(IDisposableReadOnlyCollection<OrtValue>[] outputs, int image, HeatmapSize? heatmapSize)
    {
        const int Classes = 4;
        var members = new MemberPrediction[_members.Length];
        var ensemble = new double[Classes];
        for (var m = 0; m < _members.Length; m++)
        {
            var logits = outputs[m][0].GetTensorDataAsSpan<float>().Slice(image * Classes, Classes).ToArray();
            var probabilities = Softmax(logits);
            for (var k = 0; k < Classes; k++)
            {
                ensemble[k] += _weights[m] * probabilities[k];
            }

            members[m] = new MemberPrediction(_members[m].Name, logits, probabilities);
        }

        var predicted = 0;
        for (var k = 1; k < Classes; k++)
        {
            if (ensemble[k] > ensemble[predicted])
            {
                predicted = k;
            }
        }

        Heatmap? heatmap = null;
        if (heatmapSize is { } size)
        {
            var maps = new ClassMap[_members.Length];
            for (var m = 0; m < _members.Length; m++)
            {
                var plane = _members[m].MapWidth * _members[m].MapHeight;
                var values = outputs[m][1].GetTensorDataAsSpan<float>().Slice(((image * Classes) + predicted) * plane, plane).ToArray();
                maps[m] = new ClassMap(values, _members[m].MapWidth, _members[m].MapHeight, _weights[m]);
            }

            heatmap = new Heatmap(size.Width, size.Height, ClassActivationMap.Combine(maps, size.Width, size.Height));
        }

        return new EnsemblePrediction(ensemble, predicted, TriagePolicy.Evaluate(ensemble), members, heatmap);
    }
}
