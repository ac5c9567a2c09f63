using Microsoft.Extensions.Logging;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// One C-STORE's data set streaming into its spool file (<see cref="SpoolWriter"/>) as the SCP receives it. A write
/// that fails (disk full, I/O error) deletes the temporary file at once, drops the rest of the data set and is answered
/// when the data set is complete (A700 for a full disk, else 0110), so the association and the service go on. Disposed
/// without <see cref="CompleteAsync"/> (association aborted, connection lost, server stopped): the temporary file is
/// deleted and nothing is recorded or acknowledged.
/// </summary>
internal sealed class IngestStoreTarget(IngestStoreHandler handler, StoreRequest request, SpoolWriter writer, ILogger logger) : IStoreTarget
{
    private Exception? _writeFailure;
    private bool _completed;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        if (_writeFailure is not null)
        {
            return;
        }

        try
        {
            await writer.WriteAsync(fragment, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Free the disk now rather than after the rest of a large data set has been read.
            _writeFailure = ex;
            await writer.DisposeAsync();
        }
    }

    public async ValueTask<DimseStatus> CompleteAsync(CancellationToken cancellationToken)
    {
        _completed = true;
        return await handler.CompleteAsync(request, writer, _writeFailure, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            Log.TransferIncomplete(
                logger, InstanceHash.Of(request.Command.AffectedSopInstanceUid), request.Association.CallingAeTitle, writer.Length);
        }

        await writer.DisposeAsync();
    }
}
