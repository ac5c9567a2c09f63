namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Collects bytes in memory up to a threshold, then in a temporary file deleted on close.</summary>
internal sealed class SpillBuffer : IAsyncDisposable
{
    private readonly int _threshold;
    private readonly string _directory;
    private Stream _stream = new MemoryStream();

    public SpillBuffer(int threshold, string? directory)
    {
        _threshold = threshold;
        _directory = directory ?? Path.GetTempPath();
    }

    public long Length => _stream.Length;

    public bool IsFileBacked => _stream is FileStream;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_stream is MemoryStream memory && memory.Length + data.Length > _threshold)
        {
            var path = Path.Combine(_directory, $"xraytriage-pdv-{Guid.NewGuid():N}.tmp");
            var file = new FileStream(
                path,
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                bufferSize: 64 * 1024,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose | FileOptions.SequentialScan);
            memory.Position = 0;
            await memory.CopyToAsync(file, cancellationToken);
            _stream = file;
        }

        await _stream.WriteAsync(data, cancellationToken);
    }

    /// <summary>Hands the collected bytes over as a readable stream at position 0; the caller disposes it.</summary>
    public Stream Detach()
    {
        var stream = _stream;
        stream.Position = 0;
        _stream = new MemoryStream();
        return stream;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
