using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest.Tests;

public sealed class InstanceSpoolTests : IDisposable
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.1.1";
    private readonly string _root = Directory.CreateTempSubdirectory("xraytriage-spool-").FullName;

    [Fact]
    public async Task WriteAsync_Instance_DatedPart10FileWithSizeAndHash()
    {
        var spool = new InstanceSpool(_root);
        var data = new byte[300_000];
        Random.Shared.NextBytes(data);

        var spooled = await spool.WriteAsync(
            Request(Uid), new MemoryStream(data), new DateTimeOffset(2026, 3, 4, 23, 59, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(Path.Combine(_root, "2026", "03", "04", Uid + ".dcm"), spooled.Path);
        var bytes = await File.ReadAllBytesAsync(spooled.Path);
        Assert.Equal(bytes.Length, spooled.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), spooled.Sha256);
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        Assert.Equal(data, bytes[^data.Length..]);
        Assert.Empty(Directory.GetFiles(spool.IncomingDirectory));
    }

    [Fact]
    public async Task WriteAsync_SameInstanceTwice_SecondFileDoesNotOverwriteTheFirst()
    {
        var spool = new InstanceSpool(_root);
        var day = new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero);

        var first = await spool.WriteAsync(Request(Uid), new MemoryStream([1, 2]), day, CancellationToken.None);
        var second = await spool.WriteAsync(Request(Uid), new MemoryStream([3, 4]), day, CancellationToken.None);

        Assert.NotEqual(first.Path, second.Path);
        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.True(File.Exists(first.Path));
        Assert.StartsWith(Uid + ".", Path.GetFileName(second.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_StreamFails_NoFileLeft()
    {
        var spool = new InstanceSpool(_root);

        await Assert.ThrowsAsync<IOException>(() =>
            spool.WriteAsync(Request(Uid), new FailingStream(), DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("1.2.3/4")]
    [InlineData(".1.2")]
    [InlineData("1.2.")]
    [InlineData("")]
    public async Task WriteAsync_UnsafeUid_Refused(string uid)
    {
        Assert.False(InstanceSpool.IsSafeUid(uid));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new InstanceSpool(_root).WriteAsync(Request(uid), new MemoryStream([1]), DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static StoreRequest Request(string sopInstanceUid) => new(
        new CStoreRequest(1, "1.2.840.10008.5.1.4.1.1.1", sopInstanceUid),
        "1.2.840.10008.1.2.1",
        new AssociationInfo("MODALITY1", "XRAYTRIAGE", null));

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[10])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromException<int>(new IOException("connection lost"));
    }
}
