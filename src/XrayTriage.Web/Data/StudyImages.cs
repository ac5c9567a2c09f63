using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Persistence;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Data;

/// <summary>The study page's images: a spooled instance as the service sees it (<see cref="MonochromeImage"/>), and the
/// same with its stored class activation map blended in, as PNG no larger than <c>Web:ImageMaxSide</c>. Both are made
/// from one decode, once per version of the instance (its spool file and stored heatmap), and kept in the
/// <see cref="RenditionCache"/>; concurrent requests for one instance share a render, and at most
/// <c>Web:MaxConcurrentRenders</c> renders run at once; after very large films the decode buffers are given back
/// (<see cref="LargeBuffers"/>). Spool files may have been purged: then there is nothing to render.</summary>
internal sealed class StudyImages(
    IDbContextFactory<TriageDbContext> contextFactory,
    RenditionCache cache,
    IOptions<WebOptions> options,
    TimeProvider time,
    ILogger<StudyImages> logger) : IDisposable
{
    /// <summary>Largest spool file this page will decode.</summary>
    private const long MaxFileBytes = 512L * 1024 * 1024;

    private readonly SemaphoreSlim _renders = new(options.Value.MaxConcurrentRenders);
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedImage[]>>> _inFlight = new(StringComparer.Ordinal);
    private int _running;
    private bool _largeSinceCollect;

    public async Task<RenderedImage> RenderAsync(long studyId, long instanceId, bool heatmap, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var instance = await context.Instances.AsNoTracking()
            .Where(i => i.Id == instanceId && i.StudyId == studyId)
            .Select(i => new { i.Id, i.SpoolPath, i.Sha256 })
            .SingleOrDefaultAsync(cancellationToken);
        if (instance is null)
        {
            return RenderedImage.NotFound;
        }

        var file = new FileInfo(instance.SpoolPath);
        if (!file.Exists)
        {
            return RenderedImage.Purged;
        }

        if (file.Length > MaxFileBytes)
        {
            return RenderedImage.Failed($"spool file has {file.Length} bytes");
        }

        var map = await HeatmapAsync(context, instanceId, cancellationToken);
        if (heatmap && map is null)
        {
            return RenderedImage.NoHeatmap;
        }

        // A new spool file or a new stored heatmap is a new version: the cache never answers with an older one.
        var version = $"{instance.Sha256}:{file.Length}:{file.LastWriteTimeUtc.Ticks}:" +
            $"{(map is { } m ? Convert.ToHexString(SHA256.HashData(m.Bytes)) : "-")}";
        if (cache.TryGet(instanceId, heatmap, version, out var cached))
        {
            return RenderedImage.Ok(cached);
        }

        var key = $"{instanceId}:{version}";
        var render = _inFlight.GetOrAdd(key, _ => new Lazy<Task<RenderedImage[]>>(
            () => RenderOnceAsync(key, studyId, instanceId, file.FullName, version, map)));
        var both = await render.Value.WaitAsync(cancellationToken);
        return heatmap ? both[1] : both[0];
    }

    /// <summary>Film and heatmap from one decode; runs to the end even when the request that started it goes away, since
    /// others may be waiting for it.</summary>
    private async Task<RenderedImage[]> RenderOnceAsync(
        string key, long studyId, long instanceId, string path, string version, StoredMap? map)
    {
        try
        {
            await _renders.WaitAsync(CancellationToken.None);
            try
            {
                var running = Interlocked.Increment(ref _running);
                var started = time.GetTimestamp();
                try
                {
                    var (film, overlay, width, height, sourcePixels) = await Task.Run(() => Render(path, map, options.Value.ImageMaxSide));
                    if (sourcePixels >= LargeBuffers.LargePixels)
                    {
                        Volatile.Write(ref _largeSinceCollect, true);
                    }

                    cache.Set(instanceId, false, version, film);
                    if (overlay is not null)
                    {
                        cache.Set(instanceId, true, version, overlay);
                    }

                    Log.Rendered(logger, instanceId, studyId, width, height, time.GetElapsedTime(started).TotalMilliseconds, running);
                    return [RenderedImage.Ok(film), overlay is null ? RenderedImage.NoHeatmap : RenderedImage.Ok(overlay)];
                }
                finally
                {
                    if (Interlocked.Decrement(ref _running) == 0 && Volatile.Read(ref _largeSinceCollect))
                    {
                        ReturnLargeBuffers();
                    }
                }
            }
            finally
            {
                _renders.Release();
            }
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException)
        {
            // The reason names no patient data: parser and imaging errors carry tags, offsets and sizes.
            Log.RenderFailed(logger, instanceId, studyId, ex.GetType().Name);
            var failed = RenderedImage.Failed("the spool file could not be rendered");
            return [failed, failed];
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private void ReturnLargeBuffers()
    {
        Volatile.Write(ref _largeSinceCollect, false);
        LargeBuffers.Release();
    }

    private static (byte[] Film, byte[]? Overlay, int Width, int Height, long SourcePixels) Render(string path, StoredMap? map, int maxSide)
    {
        var full = MonochromeImage.Render(DicomFile.Open(path));
        var sourcePixels = (long)full.Width * full.Height;
        var display = DisplayDownscale.Fit(full, maxSide);
        var film = PngEncoder.Gray8(display.Width, display.Height, display.Pixels);
        var overlay = map is { } m
            ? PngEncoder.Rgba(display.Width, display.Height,
                HeatmapOverlay.Blend(
                    display,
                    HeatmapScaler.Upsample([.. m.Bytes.Select(b => b / 255f)], m.Width, m.Height, display.Width, display.Height)))
            : null;
        return (film, overlay, display.Width, display.Height, sourcePixels);
    }

    public void Dispose() => _renders.Dispose();

    /// <summary>The run ids among <paramref name="runIds"/> that have a stored heatmap.</summary>
    public static async Task<HashSet<long>> HeatmapRunIdsAsync(
        TriageDbContext context, IReadOnlyCollection<long> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ids = await context.InferenceRuns.AsNoTracking()
            .Where(r => runIds.Contains(r.Id) && r.Heatmap != null)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        return [.. ids];
    }

    /// <summary>The stored 8-bit map of the instance's run, or null when none (or a malformed one) was stored.</summary>
    private static async Task<StoredMap?> HeatmapAsync(TriageDbContext context, long instanceId, CancellationToken cancellationToken)
    {
        var run = await context.InferenceRuns.AsNoTracking()
            .Where(r => r.InstanceId == instanceId && r.Heatmap != null)
            .Select(r => new { r.Heatmap, r.HeatmapWidth, r.HeatmapHeight })
            .SingleOrDefaultAsync(cancellationToken);
        return run is { Heatmap: { } bytes, HeatmapWidth: int width, HeatmapHeight: int height }
            && width >= 1 && height >= 1 && bytes.Length == width * height
            ? new StoredMap(bytes, width, height)
            : null;
    }

    private sealed record StoredMap(byte[] Bytes, int Width, int Height);
}
