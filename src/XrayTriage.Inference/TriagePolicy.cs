using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>Urgent when any finding class (covid19, viral_pneumonia, lung_opacity) has an ensemble probability at or
/// above its threshold from the manifest, else routine. Not-assessable is the caller's call for ineligible images.</summary>
public sealed class TriagePolicy
{
    private readonly int[] _findingIndexes;
    private readonly double[] _thresholds;

    public TriagePolicy(IReadOnlyDictionary<string, double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        _findingIndexes = new int[EnsembleLabels.Findings.Count];
        _thresholds = new double[EnsembleLabels.Findings.Count];
        for (var i = 0; i < EnsembleLabels.Findings.Count; i++)
        {
            var label = EnsembleLabels.Findings[i];
            if (!thresholds.TryGetValue(label, out var threshold) || !(threshold is >= 0 and <= 1))
            {
                throw new ArgumentException($"Triage needs a threshold in [0, 1] for '{label}'.", nameof(thresholds));
            }

            _findingIndexes[i] = IndexOf(label);
            _thresholds[i] = threshold;
        }
    }

    /// <summary>Where the thresholds come from; null when built from a bare dictionary.</summary>
    public TriageOperatingPoint? OperatingPoint { get; private init; }

    public static TriagePolicy FromManifest(EnsembleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return For(ShippedOperatingPoint(manifest));
    }

    /// <summary>The same rule with another operating point's thresholds (e.g. a site's calibrated ones).</summary>
    public static TriagePolicy For(TriageOperatingPoint operatingPoint)
    {
        ArgumentNullException.ThrowIfNull(operatingPoint);
        return new TriagePolicy(operatingPoint.Thresholds) { OperatingPoint = operatingPoint };
    }

    /// <summary>The manifest's own thresholds, chosen by the training recipe.</summary>
    public static TriageOperatingPoint ShippedOperatingPoint(EnsembleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var thresholds = EnsembleLabels.Findings
            .Where(manifest.Triage.Findings.ContainsKey)
            .ToDictionary(f => f, f => manifest.Triage.Findings[f].Threshold, StringComparer.Ordinal);
        return new TriageOperatingPoint(TriageOperatingPoint.Shipped, thresholds, manifest.Triage.Target, manifest.Triage.ChosenOn);
    }

    public double ThresholdOf(string finding)
    {
        for (var i = 0; i < EnsembleLabels.Findings.Count; i++)
        {
            if (EnsembleLabels.Findings[i] == finding)
            {
                return _thresholds[i];
            }
        }

        throw new ArgumentException($"'{finding}' is not a finding class.", nameof(finding));
    }

    /// <param name="probabilities">Ensemble probabilities in <see cref="EnsembleLabels.All"/> order.</param>
    public TriageDecision Evaluate(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.Length != EnsembleLabels.Count)
        {
            throw new ArgumentException(
                $"Expected {EnsembleLabels.Count} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        List<string>? crossed = null;
        for (var i = 0; i < _findingIndexes.Length; i++)
        {
            if (probabilities[_findingIndexes[i]] >= _thresholds[i])
            {
                (crossed ??= []).Add(EnsembleLabels.Findings[i]);
            }
        }

        return crossed is null
            ? new TriageDecision(TriagePriority.Routine, [])
            : new TriageDecision(TriagePriority.Urgent, crossed);
    }

    private static int IndexOf(string label)
    {
        for (var i = 0; i < EnsembleLabels.All.Count; i++)
        {
            if (EnsembleLabels.All[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
