using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>One instance on its way into a <see cref="Part10FileStoreHandler"/>'s folder: the temporary file is created
/// at the first fragment, written fragment by fragment, and renamed when complete; a failed write deletes it and drops
/// the rest, a transfer that never completes leaves nothing.</summary>
internal sealed class Part10FileTarget(Part10FileStoreHandler handler, StoreRequest request, string temporary, string final)
    : IStoreTarget
{
    private FileStream? _file;
    private DimseStatus? _failure;
    private bool _completed;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return;
        }

        try
        {
            var file = await OpenAsync(cancellationToken);
            await file.WriteAsync(fragment, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await FailAsync(ex);
        }
    }

    public async ValueTask<DimseStatus> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_failure is { } failure)
        {
            return failure;
        }

        try
        {
            var file = await OpenAsync(cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
            await file.DisposeAsync();
            _file = null;
            File.Move(temporary, final, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await FailAsync(ex);
            return _failure!.Value;
        }

        _completed = true;
        handler.RaiseStored(final);
        return DimseStatus.Success;
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }

        if (!_completed)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The temporary file, created with its File Meta Information at the first fragment.</summary>
    private async ValueTask<FileStream> OpenAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            _file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await _file.WriteAsync(Part10Header.For(request), cancellationToken);
        }

        return _file;
    }

    private async ValueTask FailAsync(Exception exception)
    {
        _failure = StoreWriteFailure.StatusFor(exception);
        if (_file is not null)
        {
            try
            {
                await _file.DisposeAsync();
            }
            catch (IOException)
            {
                // Closing flushes what is buffered, which fails on a full disk too; the file is deleted either way.
            }

            _file = null;
        }

        TryDelete(temporary);
    }

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
