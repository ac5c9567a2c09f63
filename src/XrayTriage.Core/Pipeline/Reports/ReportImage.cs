namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>One image of a study as a report version covers it. UIDs are DICOM UID strings.</summary>
/// <param name="InstanceId">Row of the instance.</param>
/// <param name="SopClassUid">SOP Class UID of the source image.</param>
/// <param name="SopInstanceUid">SOP Instance UID of the source image.</param>
/// <param name="SeriesInstanceUid">Series of the source image.</param>
/// <param name="SpoolPath">The spooled source file.</param>
/// <param name="SpoolPurged">True when retention has removed the spooled file.</param>
/// <param name="TrackingUid">Tracking UID of the image's measurement group; the same in every report version.</param>
/// <param name="ScSopInstanceUid">SOP Instance UID of the image's heatmap Secondary Capture; stable, so a resend is idempotent.</param>
/// <param name="Eligibility">Whether ingest found it fit for triage.</param>
/// <param name="SkipReason">Why it was skipped; null when eligible.</param>
/// <param name="State">Triaged, Skipped or Failed (a report is only built when nothing is left to triage).</param>
/// <param name="Run">The inference run of a triaged image; null otherwise.</param>
public sealed record ReportImage(
    long InstanceId,
    string SopClassUid,
    string SopInstanceUid,
    string SeriesInstanceUid,
    string SpoolPath,
    bool SpoolPurged,
    string TrackingUid,
    string ScSopInstanceUid,
    Eligibility Eligibility,
    string? SkipReason,
    InstanceState State,
    ReportRun? Run);
