using System.Diagnostics;
using System.Security.Cryptography;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Inference;

namespace XrayTriage.Triage;

/// <summary>One claimed instance from spool file to findings: verify the file is the one ingest recorded (SHA-256),
/// parse, render the grayscale plane, build each member's tensor, run the ensemble through the micro-batcher (with the
/// class activation map at <see cref="StoredHeatmap"/> size) and describe the result as the persisted
/// <see cref="InferenceOutcome"/>. The content gate decides first: a blank gray plane never reaches the model, and an
/// image the gate refuses gets priority not-assessable with the reason and score, and no class (no probabilities, no
/// heatmap). Throws for anything that stops it.</summary>
internal sealed class InstanceTriage(
    EnsembleEngine engine, EnsembleBatcher batcher, ModelInputs inputs, TriageMetrics metrics, TimeProvider timeProvider)
{
    // A chest radiograph is a few to a few tens of MiB; the bound keeps a corrupt size from allocating the heap away.
    public const long MaxSpoolFileBytes = 1L << 30;

    /// <summary>The CPU part (read, decode, member tensors) and the hand-over to the micro-batcher: completes once the
    /// image is queued for inference, with the task of its outcome. The caller can start the next image meanwhile, so
    /// decoding overlaps inference and batches fill.</summary>
    public async Task<Task<InferenceOutcome>> StartAsync(ClaimedInstance claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var started = timeProvider.GetTimestamp();
        var bytes = await ReadVerifiedAsync(claim, cancellationToken);
        var mark = Lap(TriageStage.Read, started);
        var image = Render(bytes, inputs.RenderOptions);
        mark = Lap(TriageStage.Decode, mark);
        if (inputs.CheckBlank(image) is { } blank)
        {
            return Task.FromResult(NotAssessable(blank, timeProvider.GetElapsedTime(started)));
        }

        var input = inputs.Build(image) with { Heatmap = StoredHeatmap.SizeFor(image.Width, image.Height) };
        mark = Lap(TriageStage.Prepare, mark);
        var prediction = await batcher.SubmitAsync(input, cancellationToken);
        return FinishAsync(prediction, started, mark);
    }

    private async Task<InferenceOutcome> FinishAsync(Task<EnsemblePrediction> pending, long started, long submitted)
    {
        var prediction = await pending;
        Lap(TriageStage.Inference, submitted);
        return NotAssessableVerdict.Of(prediction) is { } refused
            ? NotAssessable(refused, timeProvider.GetElapsedTime(started))
            : ToOutcome(prediction, timeProvider.GetElapsedTime(started));
    }

    private long Lap(string stage, long since)
    {
        var now = timeProvider.GetTimestamp();
        metrics.Stage(stage, timeProvider.GetElapsedTime(since, now));
        return now;
    }

    internal static async Task<byte[]> ReadVerifiedAsync(ClaimedInstance claim, CancellationToken cancellationToken)
    {
        var file = new FileInfo(claim.SpoolPath);
        if (!file.Exists)
        {
            throw new SpoolFileException($"spool file {claim.SpoolPath} does not exist");
        }

        if (file.Length > MaxSpoolFileBytes)
        {
            throw new SpoolFileException(
                $"spool file {claim.SpoolPath} has {file.Length} bytes, more than the {MaxSpoolFileBytes} allowed");
        }

        var bytes = await File.ReadAllBytesAsync(claim.SpoolPath, cancellationToken);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, claim.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new SpoolFileException($"spool file {claim.SpoolPath} has SHA-256 {actual}, ingest recorded {claim.Sha256}");
        }

        return bytes;
    }

    private static DisplayImage Render(byte[] bytes, RenderOptions options)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return MonochromeImage.Render(DicomFile.Open(stream), options);
    }

    /// <summary>No class: no probabilities, no findings, no heatmap; the reason and the measure it was decided on.</summary>
    internal InferenceOutcome NotAssessable(NotAssessableVerdict verdict, TimeSpan latency)
        => Outcome(latency, TriagePriority.NotAssessable, [], []) with
        {
            NotAssessableReason = verdict.Reason,
            ContentGateScore = verdict.Score,
            ContentGateThreshold = verdict.Threshold,
        };

    /// <summary>The outcome's model identity, timing, decision and the thresholds and operating point it was made at.</summary>
    private InferenceOutcome Outcome(
        TimeSpan latency,
        TriagePriority priority,
        IReadOnlyList<string> findingsOverThreshold,
        IReadOnlyList<FindingProbability> probabilities)
    {
        var manifest = engine.Manifest;
        return new InferenceOutcome(manifest.Name, manifest.Version, manifest.DeviceUid, engine.ActiveProvider, latency.TotalMilliseconds,
            priority, findingsOverThreshold, Thresholds(), probabilities)
        {
            OperatingPoint = engine.TriagePolicy.OperatingPoint?.Describe(),
        };
    }

    private Dictionary<string, double> Thresholds()
        => EnsembleLabels.Findings.ToDictionary(f => f, engine.TriagePolicy.ThresholdOf, StringComparer.Ordinal);

    internal InferenceOutcome ToOutcome(EnsemblePrediction prediction, TimeSpan latency)
    {
        var labels = EnsembleLabels.All;
        var probabilities = new List<FindingProbability>(labels.Count * (prediction.Members.Count + 1));
        for (var k = 0; k < labels.Count; k++)
        {
            probabilities.Add(new FindingProbability(FindingProbability.EnsembleModel, labels[k], prediction.Probabilities[k]));
        }

        foreach (var member in prediction.Members)
        {
            for (var k = 0; k < labels.Count; k++)
            {
                probabilities.Add(new FindingProbability(member.Member, labels[k], member.Probabilities[k]));
            }
        }

        return Outcome(latency, prediction.Priority, [.. prediction.Triage.FindingsOverThreshold], probabilities) with
        {
            Heatmap = prediction.Heatmap is { } heatmap ? StoredHeatmap.Quantize(heatmap) : null,
            ContentGateScore = prediction.ContentGate?.Score,
            ContentGateThreshold = prediction.ContentGate?.Threshold,
        };
    }
}
