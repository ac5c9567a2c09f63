using Microsoft.Extensions.Options;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Upload;

/// <summary>Admits an upload to classification when fewer than <c>Web:MaxConcurrentUploads</c> are running and its
/// pixel memory (reckoned from the header, <see cref="UploadClassifier.EstimateBytes"/>) fits in what is left of
/// <c>Web:UploadMemoryBytes</c>; otherwise the caller says the page is busy. Nothing waits: a refused upload costs the
/// server nothing more than its request body. When the last of a run of uploads that included a large one ends, the
/// decode buffers are given back (<see cref="LargeBuffers"/>).</summary>
internal sealed class UploadGate(IOptions<WebOptions> options)
{
    private readonly Lock _lock = new();
    private int _running;
    private long _reserved;
    private bool _large;

    /// <summary>Uploads being classified and the bytes they reserved, now.</summary>
    public (int Running, long ReservedBytes) State
    {
        get
        {
            lock (_lock)
            {
                return (_running, _reserved);
            }
        }
    }

    /// <summary>A lease to dispose when the upload is done, or null when there is no room for it now.</summary>
    public IDisposable? TryEnter(long bytes)
    {
        var web = options.Value;
        lock (_lock)
        {
            // One upload alone always runs: its size is already bounded by Web:MaxUploadBytes and the pixel limit.
            if (_running > 0 && (_running >= web.MaxConcurrentUploads || _reserved + bytes > web.UploadMemoryBytes))
            {
                return null;
            }

            _running++;
            _reserved += bytes;
            _large |= bytes >= LargeBuffers.LargeBytes;
            return new Lease(this, bytes);
        }
    }

    private void Exit(long bytes)
    {
        bool release;
        lock (_lock)
        {
            _running--;
            _reserved -= bytes;
            release = _running == 0 && _large;
            _large &= !release;
        }

        if (release)
        {
            LargeBuffers.Release();
        }
    }

    private sealed class Lease(UploadGate gate, long bytes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit(bytes);
            }
        }
    }
}
