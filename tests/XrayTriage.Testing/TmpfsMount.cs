using System.Globalization;

namespace XrayTriage.Testing;

/// <summary>A small, real file system (tmpfs of a fixed size) that fills up for real: writes past its size fail with
/// ENOSPC, as on a full spool disk. Mounting needs root, which ./test.sh has (it installs packages and runs
/// PostgreSQL as the postgres user); without it the test fails saying so rather than passing untested.</summary>
public sealed class TmpfsMount : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Bytes the file system has free now.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public static async Task<TmpfsMount> CreateAsync(long sizeBytes)
    {
        var path = Directory.CreateTempSubdirectory("xraytriage-tmpfs-").FullName;
        var size = string.Create(CultureInfo.InvariantCulture, $"size={sizeBytes},mode=0755");
        var result = await PeerTools.RunAsync("mount", ["-t", "tmpfs", "-o", size, "tmpfs", path], ToolTimeout);
        if (result.ExitCode != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException(
                "Could not mount a tmpfs for the full-disk test (it needs root, as ./test.sh runs): " + result.StandardError.Trim());
        }

        return new TmpfsMount(path);
    }

    public async ValueTask DisposeAsync()
    {
        await PeerTools.RunAsync("umount", ["--lazy", Path], ToolTimeout);
        Directory.Delete(Path, recursive: true);
    }
}
