namespace XrayTriage.Triage;

/// <summary>The stages an instance passes in the worker, as the <c>stage</c> tag of
/// <c>xraytriage.triage.stage.duration</c> names them (docs/benchmarks.md reads them per stage).</summary>
internal static class TriageStage
{
    public const string Claim = "claim";
    public const string Read = "read";
    public const string Decode = "decode";
    public const string Prepare = "prepare";
    public const string Inference = "inference";
    public const string Record = "record";
}
