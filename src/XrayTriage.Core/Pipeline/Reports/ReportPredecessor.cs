namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>The previous version of a study's report, which a new version references (Predecessor Documents Sequence).</summary>
public sealed record ReportPredecessor(long ReportId, int Version, string SrSopInstanceUid);
