using XrayTriage.Web.Data;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Tests;

public sealed class RenditionCacheTests
{
    [Fact]
    public void Set_PastTheByteLimit_EvictsLeastRecentlyUsedAndStaysUnderIt()
    {
        var cache = new RenditionCache(Microsoft.Extensions.Options.Options.Create(new WebOptions { ImageCacheBytes = 250 }));
        cache.Set(1, false, "v1", new byte[100]);
        cache.Set(2, false, "v1", new byte[100]);
        Assert.True(cache.TryGet(1, false, "v1", out _));

        cache.Set(3, false, "v1", new byte[100]);

        Assert.True(cache.Bytes <= 250);
        Assert.True(cache.TryGet(1, false, "v1", out _));
        Assert.False(cache.TryGet(2, false, "v1", out _));
        Assert.True(cache.TryGet(3, false, "v1", out _));
    }

    [Fact]
    public void TryGet_OtherVersion_MissesAndTheNewVersionReplacesTheOld()
    {
        var cache = new RenditionCache(Microsoft.Extensions.Options.Options.Create(new WebOptions()));
        cache.Set(1, true, "old", [1, 2, 3]);

        Assert.False(cache.TryGet(1, true, "new", out _));
        Assert.False(cache.TryGet(1, false, "old", out _));
        cache.Set(1, true, "new", [4, 5]);
        Assert.False(cache.TryGet(1, true, "old", out _));
        Assert.True(cache.TryGet(1, true, "new", out var png));
        Assert.Equal([4, 5], png);
        Assert.Equal(2, cache.Bytes);
    }

    [Fact]
    public void Set_LargerThanTheLimit_NotKept()
    {
        var cache = new RenditionCache(Microsoft.Extensions.Options.Options.Create(new WebOptions { ImageCacheBytes = 0 }));
        cache.Set(1, false, "v", [1]);
        Assert.False(cache.TryGet(1, false, "v", out _));
        Assert.Equal(0, cache.Bytes);
    }
}
