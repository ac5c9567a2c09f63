using Microsoft.Extensions.Options;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Data;

/// <summary>Rendered study images (PNG) in memory, at most <c>Web:ImageCacheBytes</c> of them, least recently used
/// evicted first. One entry per instance and kind (film or heatmap); each remembers the version it was rendered from
/// (spool file, stored heatmap), and an entry of another version is never served: a newer one replaces it.</summary>
internal sealed class RenditionCache(IOptions<WebOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(long InstanceId, bool Heatmap), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    /// <summary>Bytes of PNG held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public bool TryGet(long instanceId, bool heatmap, string version, out byte[] png)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((instanceId, heatmap), out var node) && node.Value.Version == version)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                png = node.Value.Png;
                return true;
            }
        }

        png = [];
        return false;
    }

    public void Set(long instanceId, bool heatmap, string version, byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var limit = options.Value.ImageCacheBytes;
        lock (_lock)
        {
            Remove((instanceId, heatmap));
            if (png.Length > limit)
            {
                return;
            }

            _entries[(instanceId, heatmap)] = _recency.AddFirst(new Entry(instanceId, heatmap, version, png));
            _bytes += png.Length;
            while (_bytes > limit && _recency.Last is { } oldest)
            {
                Remove((oldest.Value.InstanceId, oldest.Value.Heatmap));
            }
        }
    }

    private void Remove((long InstanceId, bool Heatmap) key)
    {
        if (_entries.Remove(key, out var node))
        {
            _recency.Remove(node);
            _bytes -= node.Value.Png.Length;
        }
    }

    private sealed record Entry(long InstanceId, bool Heatmap, string Version, byte[] Png);
}
