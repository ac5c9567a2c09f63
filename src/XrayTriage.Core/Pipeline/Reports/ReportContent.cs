namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>
/// Everything the Reporting stage needs to build one report version of a study (SR and heatmap SCs). UIDs are DICOM
/// UID strings. <paramref name="Images"/> are the study's images as of the report: those received before it was
/// created, oldest first. Carries patient data in <paramref name="Study"/>: never log it.
/// </summary>
/// <param name="ReportId">Row of the report.</param>
/// <param name="StudyId">Row of the study.</param>
/// <param name="StudyInstanceUid">Study Instance UID (the SR and SCs go into this study).</param>
/// <param name="Version">1 for the first report of the study, one more for each later version.</param>
/// <param name="SrSeriesInstanceUid">The study's SR series (the same for every version).</param>
/// <param name="SrSopInstanceUid">SOP Instance UID of this version's SR.</param>
/// <param name="ScSeriesInstanceUid">The study's heatmap Secondary Capture series.</param>
/// <param name="Predecessor">The previous version, or null for version 1.</param>
/// <param name="Priority">The study's priority when the report was created.</param>
/// <param name="CreatedAt">When the study settled and the report was created.</param>
/// <param name="Study">The study's worklist attributes as recorded (patient data).</param>
/// <param name="Images">The images the report covers.</param>
public sealed record ReportContent(
    long ReportId,
    long StudyId,
    string StudyInstanceUid,
    int Version,
    string SrSeriesInstanceUid,
    string SrSopInstanceUid,
    string ScSeriesInstanceUid,
    ReportPredecessor? Predecessor,
    TriagePriority? Priority,
    DateTimeOffset CreatedAt,
    StudyAttributes Study,
    IReadOnlyList<ReportImage> Images);
