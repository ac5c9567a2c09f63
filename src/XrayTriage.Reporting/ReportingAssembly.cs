namespace XrayTriage.Reporting;

/// <summary>Marker for the reporting stage's assembly (registration and tests find it through this type).</summary>
internal static class ReportingAssembly;
