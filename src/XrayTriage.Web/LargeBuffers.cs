using System.Runtime;

namespace XrayTriage.Web;

/// <summary>Gives the buffers of very large decodes back to the system once the work that made them stops: a blocking,
/// compacting, aggressive collection. Without it the server GC keeps the large object heap committed until its next full
/// collection, which an idle service may not have for hours (issue 18: 5.48 GB still held after one study page, RSS
/// 2.6–2.8 GB for ten minutes after three uploads). Called rarely (only after decodes of 4096² pixels and up, when
/// none is running), it costs tens of milliseconds.</summary>
internal static class LargeBuffers
{
    /// <summary>Decodes from this many pixels on (a 16-bit 4096² frame is 32 MB, its working arrays several times that).</summary>
    public const long LargePixels = 4096L * 4096;

    /// <summary>Uploads whose decode is reckoned at this many bytes or more (<see cref="Upload.UploadGate"/>).</summary>
    public const long LargeBytes = 64L * 1024 * 1024;

    public static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
