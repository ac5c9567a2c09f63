using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Delivery;

/// <summary>The objects of one report version as they are sent: the SR first, then the heatmap Secondary Captures.
/// Built from the database and the spool for every attempt; the UIDs come from the database, so every destination
/// and every resend gets the same objects.</summary>
internal sealed record ReportPackage(
    long ReportId, long StudyId, int Version, DateTimeOffset CreatedAt, DicomFile Report, IReadOnlyList<DicomFile> Captures);
