using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Documents;

/// <summary>Everything the triage SR of one study needs. Every UID is decided by the caller and kept stable across
/// resends (the builder never generates one), so delivering the same version twice stores the same instance.</summary>
/// <param name="Source">Data set of one of the study's source images: Patient, General Study and Patient Study
/// attributes and Specific Character Set are copied from it byte for byte.</param>
/// <param name="SeriesInstanceUid">The SR's (new) series.</param>
/// <param name="SopInstanceUid">The SR's SOP Instance UID (one per report version).</param>
/// <param name="InstanceNumber">Instance Number = report version (1, 2, ...).</param>
/// <param name="SeriesNumber">Series Number of the SR series.</param>
/// <param name="ContentDateTime">Content Date/Time; written in the source's Timezone Offset From UTC when it has one, else in
/// this value's offset.</param>
/// <param name="Algorithm">The algorithm and device.</param>
/// <param name="StudyPriority">The study's priority, or null when not yet decided.</param>
/// <param name="Images">The study's images, assessed or not, in report order.</param>
/// <param name="SopClass">The SR SOP class to write.</param>
/// <param name="Predecessor">The previous version of this report, when this one replaces it: the same SR series and SOP
/// class (<paramref name="SeriesInstanceUid"/>, <paramref name="SopClass"/>), its own SOP Instance UID.</param>
internal sealed record ReportDocumentRequest(
    DicomDataset Source,
    string SeriesInstanceUid,
    string SopInstanceUid,
    int InstanceNumber,
    int SeriesNumber,
    DateTimeOffset ContentDateTime,
    AlgorithmIdentity Algorithm,
    TriagePriority? StudyPriority,
    IReadOnlyList<TriagedImage> Images,
    SrSopClass SopClass = SrSopClass.Comprehensive3D,
    ReportPredecessor? Predecessor = null);
