using System.Globalization;
using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An <see cref="IStreamingStoreHandler"/> that writes each received instance into a folder as a Part 10
/// file, like DCMTK's <c>storescp</c>: the data set goes to the file while it arrives, never held in memory.</summary>
/// <remarks>
/// PS3.10 §7.1: the File Meta Information is built from the C-STORE-RQ (affected SOP class and instance)
/// and the presentation context's transfer syntax; the data set bytes are copied as received, never re-encoded.
/// The file is written under a temporary name, flushed to disk, then renamed to
/// <c>{SOP Instance UID}.dcm</c>, so a file with its final name is always complete: an instance whose
/// association is aborted before the response leaves at most a temporary file, which is deleted.
/// A full disk is answered 0xA700 (out of resources), any other I/O failure 0x0110; either way the temporary file is
/// deleted and the rest of the data set dropped.
/// </remarks>
public sealed class Part10FileStoreHandler : IStreamingStoreHandler
{
    /// <summary>The suffix of files being written; they are renamed when complete.</summary>
    public const string TemporarySuffix = ".partial";

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
    public ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = request.Command.AffectedSopInstanceUid;
        if (!IsSafeUid(instance) || !IsSafeUid(request.Command.AffectedSopClassUid))
        {
            return ValueTask.FromResult<IStoreTarget>(new DiscardingStoreTarget(DimseStatus.CannotUnderstand));
        }

        var final = Path.Combine(_directory, instance + ".dcm");
        var temporary = Path.Combine(
            _directory, string.Create(CultureInfo.InvariantCulture, $"{instance}.{Guid.NewGuid():N}{TemporarySuffix}"));
        return ValueTask.FromResult<IStoreTarget>(new Part10FileTarget(this, request, temporary, final));
    }

    /// <inheritdoc />
    /// <remarks>The buffered form, for callers that hold a whole data set: the same path as a streamed one.</remarks>
    public ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        => IStreamingStoreHandler.HandleBufferedAsync(this, request, dataSet, cancellationToken);

    internal void RaiseStored(string path) => Stored?.Invoke(this, path);

    private static bool IsSafeUid(string uid)
        => uid.Length is > 0 and <= 64 && uid[0] != '.' && uid.All(c => c is (>= '0' and <= '9') or '.');
}
