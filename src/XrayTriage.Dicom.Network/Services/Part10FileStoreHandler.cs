using System.Globalization;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An <see cref="IStoreHandler"/> that writes each received instance into a folder as a Part 10 file, like DCMTK's
/// <c>storescp</c>.</summary>
/// <remarks>
/// PS3.10 §7.1: the File Meta Information is built from the C-STORE-RQ (affected SOP class and instance)
/// and the presentation context's transfer syntax; the data set bytes are copied as received, never re-encoded.
/// The file is written under a temporary name, flushed to disk, then renamed to
/// <c>{SOP Instance UID}.dcm</c>, so a file with its final name is always complete: an instance whose
/// association is aborted before the response leaves at most a temporary file, which is deleted.
/// A full disk is answered 0xA700 (out of resources), any other I/O failure 0x0110.
/// </remarks>
public sealed class Part10FileStoreHandler : IStoreHandler
{
    /// <summary>The suffix of files being written; they are renamed when complete.</summary>
    public const string TemporarySuffix = ".partial";

    private const int DiskFullHResult = 28;
    private readonly string _directory;

    /// <summary>Creates a handler writing into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="directory">The output folder.</param>
    public Part10FileStoreHandler(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Raised after an instance was stored, with the path of the complete file.</summary>
    public event EventHandler<string>? Stored;

    /// <inheritdoc />
    public async ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataSet);
        var instance = request.Command.AffectedSopInstanceUid;
        if (!IsSafeUid(instance) || !IsSafeUid(request.Command.AffectedSopClassUid))
        {
            return DimseStatus.CannotUnderstand;
        }

        var final = Path.Combine(_directory, instance + ".dcm");
        var temporary = Path.Combine(
            _directory, string.Create(CultureInfo.InvariantCulture, $"{instance}.{Guid.NewGuid():N}{TemporarySuffix}"));
        try
        {
            await using (var file = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(Part10Header.For(request), cancellationToken);
                await dataSet.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporary);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return (ex.HResult & 0xFFFF) == DiskFullHResult ? DimseStatus.OutOfResources : DimseStatus.ProcessingFailure;
        }

        Stored?.Invoke(this, final);
        return DimseStatus.Success;
    }

    private static bool IsSafeUid(string uid)
        => uid.Length is > 0 and <= 64 && uid[0] != '.' && uid.All(c => c is (>= '0' and <= '9') or '.');

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover *.partial file is never mistaken for a stored instance.
        }
    }
}
