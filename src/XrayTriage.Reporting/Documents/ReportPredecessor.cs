namespace XrayTriage.Reporting.Documents;

/// <summary>The previous version of a report in the same study, referenced by Predecessor Documents Sequence (0040,A360).</summary>
public sealed record ReportPredecessor(string SopClassUid, string SopInstanceUid, string SeriesInstanceUid);
