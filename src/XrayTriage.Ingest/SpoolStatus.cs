namespace XrayTriage.Ingest;

/// <summary>What <see cref="SpoolReadiness"/> found: ready when the spool folder is writable and its disk is above the watermark.</summary>
public sealed record SpoolStatus(bool IsReady, string Description, long AvailableFreeBytes, long MinFreeDiskBytes);
