namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>A spooled instance whose file is no longer needed: its study's latest report reached every destination.</summary>
public sealed record PurgeCandidate(long InstanceId, long StudyId, string SpoolPath);
