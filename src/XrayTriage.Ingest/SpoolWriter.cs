using System.Security.Cryptography;

namespace XrayTriage.Ingest;

/// <summary>
/// One instance being written into the spool while it arrives: a temporary file in <c>.incoming</c> that already holds
/// the Part 10 header, hashed (SHA-256) and counted as the data set streams in. <see cref="CommitAsync"/> makes it
/// durable (fsync file, atomic rename to its final name, fsync directory); disposed without a commit, the temporary
/// file is deleted, so an aborted or refused transfer leaves nothing behind. Not thread-safe: one writer per C-STORE.
/// </summary>
internal sealed class SpoolWriter : IAsyncDisposable
{
    private readonly InstanceSpool _spool;
    private readonly string _sopInstanceUid;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private FileStream? _file;
    private bool _committed;

    internal SpoolWriter(InstanceSpool spool, string sopInstanceUid, string temporaryPath, FileStream file, byte[] header)
    {
        _spool = spool;
        _sopInstanceUid = sopInstanceUid;
        TemporaryPath = temporaryPath;
        _file = file;
        _hash.AppendData(header);
        Length = header.Length;
    }

    /// <summary>Gets the temporary file's path in <c>.incoming</c>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Gets the bytes written so far, header included.</summary>
    public long Length { get; private set; }

    /// <exception cref="IOException">The spool cannot be written
    /// (see <see cref="Dicom.Network.Services.StoreWriteFailure.IsDiskFull"/>).</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var file = _file ?? throw new ObjectDisposedException(nameof(SpoolWriter));
        _hash.AppendData(data.Span);
        await file.WriteAsync(data, cancellationToken);
        Length += data.Length;
    }

    /// <summary>Flushes the file to disk and gives it its final name (durably); after this, disposing keeps the file.</summary>
    /// <exception cref="IOException">The spool cannot be written; the temporary file is deleted on dispose.</exception>
    public async Task<SpooledFile> CommitAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var file = _file ?? throw new ObjectDisposedException(nameof(SpoolWriter));
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        await file.DisposeAsync();
        _file = null;
        var final = _spool.MoveToFinal(TemporaryPath, _sopInstanceUid, receivedAt);
        _committed = true;
        return new SpooledFile(final, Length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is { } file)
        {
            _file = null;
            try
            {
                await file.DisposeAsync();
            }
            catch (IOException)
            {
                // Flushing the buffered tail failed (disk full): the file is deleted below anyway.
            }
        }

        _hash.Dispose();
        if (!_committed)
        {
            InstanceSpool.TryDelete(TemporaryPath);
        }
    }
}
