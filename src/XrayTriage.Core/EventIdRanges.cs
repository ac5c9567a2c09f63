namespace XrayTriage.Core;

/// <summary>
/// Each project logs with event ids from its own range, so an id in a log line tells where it came from.
/// </summary>
public static class EventIdRanges
{
    public const int Host = 1000;
    public const int Persistence = 2000;
    public const int Dicom = 3000;
    public const int DicomNetwork = 4000;
    public const int Ingest = 5000;
    public const int Imaging = 6000;
    public const int Inference = 7000;
    public const int Triage = 8000;
    public const int Reporting = 9000;
    public const int Web = 10000;
}
