namespace XrayTriage.Web.Data;

/// <summary>The outcome of rendering an instance: PNG bytes, or why there are none.</summary>
internal sealed record RenderedImage(RenderStatus Status, byte[]? Png, string? Reason)
{
    public static RenderedImage NotFound { get; } = new(RenderStatus.NotFound, null, "no such instance in this study");

    public static RenderedImage Purged { get; } = new(RenderStatus.Purged, null, "image no longer in spool");

    public static RenderedImage NoHeatmap { get; } = new(RenderStatus.NoHeatmap, null, "no heatmap stored for this image");

    public static RenderedImage Ok(byte[] png) => new(RenderStatus.Ok, png, null);

    public static RenderedImage Failed(string reason) => new(RenderStatus.Failed, null, reason);
}

internal enum RenderStatus
{
    Ok,
    NotFound,
    Purged,
    NoHeatmap,
    Failed,
}
