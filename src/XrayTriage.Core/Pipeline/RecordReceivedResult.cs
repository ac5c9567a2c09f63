namespace XrayTriage.Core.Pipeline;

/// <summary>Result of recording a received instance.</summary>
/// <param name="Outcome">Recorded, or a duplicate of an earlier instance.</param>
/// <param name="InstanceId">The row of the instance (the earlier one for a duplicate).</param>
/// <param name="StudyId">The row of its study.</param>
/// <param name="SpoolPath">The spool file the database refers to; for a duplicate, the earlier file (the new one can go).</param>
/// <param name="State">State of the recorded row.</param>
public sealed record RecordReceivedResult(
    RecordReceivedOutcome Outcome, long InstanceId, long StudyId, string SpoolPath, InstanceState State);
