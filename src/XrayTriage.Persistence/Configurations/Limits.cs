namespace XrayTriage.Persistence.Configurations;

/// <summary>Column lengths shared by the configurations and the work queue (which truncates to them).</summary>
internal static class Limits
{
    public const int Uid = 64;
    public const int AeTitle = 16;
    public const int Path = 1024;
    public const int Reason = 2000;
    public const int WorkerId = 128;
    public const int PatientName = 400;
    public const int PatientId = 128;
    public const int AccessionNumber = 64;
    public const int StudyDescription = 256;
    public const int CodeString = 64;
    public const int Destination = 64;
}
