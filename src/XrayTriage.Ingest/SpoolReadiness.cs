using System.Globalization;

namespace XrayTriage.Ingest;

/// <summary>
/// Readiness of the spool for a health check: the folder can be written (a probe file is created, flushed and
/// deleted in <c>.incoming</c>) and free space is at or above <see cref="IngestOptions.MinFreeDiskBytes"/> — below
/// it, new associations are rejected (transient) and every C-STORE is refused with A700, so the service is not ready
/// to take images.
/// </summary>
public sealed class SpoolReadiness
{
    private readonly InstanceSpool _spool;
    private readonly SpoolCapacity _capacity;

    internal SpoolReadiness(InstanceSpool spool, SpoolCapacity capacity)
    {
        _spool = spool;
        _capacity = capacity;
    }

    public SpoolStatus Check()
    {
        SpoolSpace space;
        try
        {
            _spool.EnsureCreated();
            var probe = Path.Combine(_spool.IncomingDirectory, $"ready-{Guid.NewGuid():N}{InstanceSpool.TemporarySuffix}");
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.WriteByte(0);
                file.Flush(flushToDisk: true);
            }

            space = _capacity.Measure();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SpoolStatus(false, $"spool {_spool.Root} is not writable: {ex.Message}", 0, _capacity.MinFreeDiskBytes);
        }

        var (free, watermark) = (space.FreeBytes, space.MinFreeDiskBytes);
        return !space.IsBelowWatermark
            ? new SpoolStatus(
                true,
                string.Create(CultureInfo.InvariantCulture, $"spool writable, {free} bytes free (watermark {watermark})"),
                free,
                watermark)
            : new SpoolStatus(
                false,
                string.Create(CultureInfo.InvariantCulture,
                    $"spool disk has {free} bytes free, " +
                    $"below the watermark of {watermark}; new associations are rejected and C-STORE is refused with A700"),
                free,
                watermark);
    }
}
