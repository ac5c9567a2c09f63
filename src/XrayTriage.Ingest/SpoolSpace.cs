namespace XrayTriage.Ingest;

/// <summary>Free bytes on the spool's file system and the watermark they were compared with.</summary>
internal readonly record struct SpoolSpace(long FreeBytes, long MinFreeDiskBytes)
{
    public bool IsBelowWatermark => FreeBytes < MinFreeDiskBytes;
}
