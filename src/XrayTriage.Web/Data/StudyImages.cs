using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Persistence;

namespace XrayTriage.Web.Data;

/// <summary>Renders a spooled instance as the service sees it (<see cref="MonochromeImage"/>) to PNG, optionally with
/// the stored class activation map blended in. Spool files may have been purged: then there is nothing to render.</summary>
internal sealed class StudyImages(IDbContextFactory<TriageDbContext> contextFactory, ILogger<StudyImages> logger)
{
    /// <summary>Largest spool file this page will decode.</summary>
    private const long MaxFileBytes = 512L * 1024 * 1024;

    public async Task<RenderedImage> RenderAsync(long studyId, long instanceId, bool heatmap, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var instance = await context.Instances.AsNoTracking()
            .Where(i => i.Id == instanceId && i.StudyId == studyId)
            .Select(i => new { i.Id, i.SpoolPath })
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

        try
        {
            return await RenderFileAsync(context, instance.Id, file.FullName, heatmap, cancellationToken);
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException)
        {
            // The reason names no patient data: parser and imaging errors carry tags, offsets and sizes.
            Log.RenderFailed(logger, instanceId, studyId, ex.GetType().Name);
            return RenderedImage.Failed("the spool file could not be rendered");
        }
    }

    private static async Task<RenderedImage> RenderFileAsync(TriageDbContext context, long instanceId, string path, bool heatmap, CancellationToken cancellationToken)
    {
        if (heatmap)
        {
            if (await HeatmapAsync(context, instanceId, cancellationToken) is not { } map)
            {
                return RenderedImage.NoHeatmap;
            }

            var display = Render(path);
            return RenderedImage.Ok(PngEncoder.Rgba(display.Width, display.Height,
                HeatmapOverlay.Blend(display, HeatmapScaler.Upsample(map.Values, map.Width, map.Height, display.Width, display.Height))));
        }

        var image = Render(path);
        return RenderedImage.Ok(PngEncoder.Gray8(image.Width, image.Height, image.Pixels));
    }

    private static DisplayImage Render(string path) => MonochromeImage.Render(DicomFile.Open(path));

    /// <summary>The run ids among <paramref name="runIds"/> that have a stored heatmap.</summary>
    public static async Task<HashSet<long>> HeatmapRunIdsAsync(TriageDbContext context, IReadOnlyCollection<long> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ids = await context.InferenceRuns.AsNoTracking()
            .Where(r => runIds.Contains(r.Id) && r.Heatmap != null)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        return [.. ids];
    }

    /// <summary>The stored 8-bit map of the instance's run as values 0–1, or null when none was stored.</summary>
    private static async Task<(float[] Values, int Width, int Height)?> HeatmapAsync(TriageDbContext context, long instanceId, CancellationToken cancellationToken)
    {
        var run = await context.InferenceRuns.AsNoTracking()
            .Where(r => r.InstanceId == instanceId && r.Heatmap != null)
            .Select(r => new { r.Heatmap, r.HeatmapWidth, r.HeatmapHeight })
            .SingleOrDefaultAsync(cancellationToken);
        if (run is not { Heatmap: { } bytes, HeatmapWidth: int width, HeatmapHeight: int height } || width < 1 || height < 1 || bytes.Length != width * height)
        {
            return null;
        }

        return ([.. bytes.Select(b => b / 255f)], width, height);
    }
}
