namespace XrayTriage.Inference;

/// <summary>The triage operating point: one threshold per finding class, chosen on <see cref="ChosenOn"/> to meet
/// <see cref="Target"/>.</summary>
public sealed record TriageManifest(
    IReadOnlyDictionary<string, FindingThresholdManifest> Findings,
    string ChosenOn,
    string Target);
