namespace XrayTriage.Ingest;

/// <summary>
/// Free space on the spool's file system against <see cref="IngestOptions.MinFreeDiskBytes"/>: the one place the
/// association gate, each C-STORE, readiness and the free-space gauge read it from, so they always agree.
/// </summary>
internal sealed class SpoolCapacity(InstanceSpool spool, long minFreeDiskBytes)
{
    private long _minFreeDiskBytes = minFreeDiskBytes;

    /// <summary>Gets the watermark. The service sets it once from the options; tests change it to stand for a disk that
    /// fills up or is cleared while the service runs.</summary>
    public long MinFreeDiskBytes
    {
        get => Volatile.Read(ref _minFreeDiskBytes);
        set => Volatile.Write(ref _minFreeDiskBytes, value);
    }

    public string Root => spool.Root;

    /// <summary>Measures the free space now (a statvfs/GetDiskFreeSpaceEx call, cheap enough for every association and C-STORE).</summary>
    /// <exception cref="IOException">The file system cannot be queried.</exception>
    public SpoolSpace Measure() => new(spool.AvailableFreeBytes(), MinFreeDiskBytes);
}
