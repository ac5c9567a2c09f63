using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// The durable record of received bytes: <c>{root}/{yyyy}/{MM}/{dd}/{SOP Instance UID}.dcm</c>, each a Part 10 file
/// (PS3.10 §7.1) whose meta information is built from the C-STORE-RQ and whose data set is copied as received.
/// </summary>
/// <remarks>
/// A file gets its final name only when complete: it is written under <c>{root}/.incoming</c>, flushed to disk,
/// renamed (atomic on one file system) and the directory entry flushed too, so after a crash a final name always
/// means a complete file. SHA-256 and size are computed while the bytes stream through (<see cref="SpoolWriter"/>, fed
/// fragment by fragment as the SCP receives them); the data set is never held in memory, nor written anywhere else
/// first. An existing final name is never overwritten (it may be the file a database row refers to).
/// </remarks>
internal sealed class InstanceSpool
{
    public const string IncomingFolderName = ".incoming";
    public const string TemporarySuffix = ".partial";
    private const int WriteBufferSize = 128 * 1024;

    public InstanceSpool(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        IncomingDirectory = Path.Combine(Root, IncomingFolderName);
    }

    public string Root { get; }

    public string IncomingDirectory { get; }

    public void EnsureCreated() => Directory.CreateDirectory(IncomingDirectory);

    /// <summary>Deletes what an earlier process left half-written; none of it was ever acknowledged.</summary>
    public int DeleteIncomplete()
    {
        if (!Directory.Exists(IncomingDirectory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(IncomingDirectory))
        {
            if (TryDelete(file))
            {
                deleted++;
            }
        }

        return deleted;
    }

    public long AvailableFreeBytes() => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Starts writing one instance: a temporary file in <c>.incoming</c> with the Part 10 header in it.</summary>
    /// <exception cref="IOException">The spool cannot be written (see <see cref="StoreWriteFailure.IsDiskFull"/>).</exception>
    public SpoolWriter Begin(StoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sopInstanceUid = request.Command.AffectedSopInstanceUid;
        if (!IsSafeUid(sopInstanceUid))
        {
            throw new ArgumentException("The SOP Instance UID is not a valid UID and cannot name a file.", nameof(request));
        }

        EnsureCreated();
        var temporary = Path.Combine(
            IncomingDirectory, string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}{TemporarySuffix}"));
        // Fragments arrive PDU by PDU (up to Dicom:MaxPduLength each); the buffer gathers small ones into larger writes.
        var file = new FileStream(
            temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, WriteBufferSize, FileOptions.Asynchronous);
        try
        {
            var header = Part10Header.For(request);
            file.Write(header);
            return new SpoolWriter(this, sopInstanceUid, temporary, file, header);
        }
        catch
        {
            file.Dispose();
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes one instance from a complete data set stream and gives it its final name.</summary>
    /// <exception cref="IOException">The spool cannot be written (see <see cref="StoreWriteFailure.IsDiskFull"/>).</exception>
    public async Task<SpooledFile> WriteAsync(
        StoreRequest request, Stream dataSet, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        await using var writer = Begin(request);
        var buffer = new byte[WriteBufferSize];
        int read;
        while ((read = await dataSet.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return await writer.CommitAsync(receivedAt, cancellationToken);
    }

    /// <summary>Deletes a spool file (and flushes its directory); false when it could not be deleted.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            if (Path.GetDirectoryName(path) is { } directory)
            {
                DirectorySync.Flush(directory);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static bool IsSafeUid(string uid)
        => uid.Length is > 0 and <= 64 && uid[0] != '.' && uid[^1] != '.' && uid.All(c => c is (>= '0' and <= '9') or '.');

    /// <summary>Renames a complete, flushed temporary file to its dated final name and flushes the directory.</summary>
    internal string MoveToFinal(string temporary, string sopInstanceUid, DateTimeOffset receivedAt)
    {
        var day = receivedAt.UtcDateTime;
        var directory = Path.Combine(
            Root,
            day.Year.ToString("D4", CultureInfo.InvariantCulture),
            day.Month.ToString("D2", CultureInfo.InvariantCulture),
            day.Day.ToString("D2", CultureInfo.InvariantCulture));
        CreateDurably(directory);
        var final = Path.Combine(directory, sopInstanceUid + ".dcm");
        try
        {
            File.Move(temporary, final, overwrite: false);
        }
        catch (IOException) when (File.Exists(final))
        {
            // The same instance again (or a file left by a crash): keep both; the database decides which one counts.
            final = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{sopInstanceUid}.{Guid.NewGuid():N}.dcm"));
            File.Move(temporary, final, overwrite: false);
        }

        DirectorySync.Flush(directory);
        return final;
    }

    /// <summary>Creates the folder chain and flushes each new entry into its parent, so a new day folder survives a crash.</summary>
    private void CreateDurably(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var current = directory; !Directory.Exists(current) && current.Length > Root.Length; current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        Directory.CreateDirectory(directory);
        while (missing.TryPop(out var created))
        {
            DirectorySync.Flush(Path.GetDirectoryName(created)!);
        }
    }
}
