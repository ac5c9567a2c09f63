using System.Globalization;
using Microsoft.Extensions.Options;

namespace XrayTriage.Ingest;

/// <summary>
/// Readiness of the spool for a health check: the folder can be written (a probe file is created, flushed and
/// deleted in <c>.incoming</c>) and free space is at or above <see cref="IngestOptions.MinFreeDiskBytes"/> — below
/// it, every C-STORE is refused with A700, so the service is not ready to take images.
/// </summary>
public sealed class SpoolReadiness
{
    private readonly InstanceSpool _spool;
    private readonly long _minFreeDiskBytes;

    internal SpoolReadiness(InstanceSpool spool, IOptions<IngestOptions> options)
    {
        _spool = spool;
        _minFreeDiskBytes = options.Value.MinFreeDiskBytes;
    }

    public SpoolStatus Check()
    {
        long free;
        try
        {
            _spool.EnsureCreated();
            var probe = Path.Combine(_spool.IncomingDirectory, $"ready-{Guid.NewGuid():N}{InstanceSpool.TemporarySuffix}");
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.WriteByte(0);
                file.Flush(flushToDisk: true);
            }

            free = _spool.AvailableFreeBytes();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SpoolStatus(false, $"spool {_spool.Root} is not writable: {ex.Message}", 0, _minFreeDiskBytes);
        }

        return free >= _minFreeDiskBytes
            ? new SpoolStatus(true, string.Create(CultureInfo.InvariantCulture, $"spool writable, {free} bytes free (watermark {_minFreeDiskBytes})"), free, _minFreeDiskBytes)
            : new SpoolStatus(false, string.Create(CultureInfo.InvariantCulture, $"spool disk has {free} bytes free, below the watermark of {_minFreeDiskBytes}; C-STORE is refused with A700"), free, _minFreeDiskBytes);
    }
}
