using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>The destination of one C-STORE data set while it arrives, from <see cref="IStreamingStoreHandler.BeginAsync"/>.</summary>
/// <remarks>
/// PS3.4 §B.2.3: the status of <see cref="CompleteAsync"/> goes back in the C-STORE-RSP, so a target must not return
/// Success before the instance is kept for good. The SCP always disposes the target; disposed without
/// <see cref="CompleteAsync"/> means the transfer did not complete, and the target keeps nothing of it.
/// An exception from <see cref="WriteAsync"/> or <see cref="CompleteAsync"/> is logged by the SCP and answered with
/// 0110; the rest of that data set is read and dropped, and the association goes on.
/// </remarks>
public interface IStoreTarget : IAsyncDisposable
{
    /// <summary>Takes the next fragment of the data set (no Part 10 header), in the order received.</summary>
    /// <param name="fragment">The fragment's bytes; valid only until the returned task completes.</param>
    /// <param name="cancellationToken">Cancelled when the association ends or the server stops.</param>
    /// <returns>A task that completes when the bytes may be reused.</returns>
    ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken);

    /// <summary>Called once after the last fragment: the data set is complete.</summary>
    /// <param name="cancellationToken">Cancelled when the association ends or the server stops.</param>
    /// <returns>The DIMSE status to answer with.</returns>
    ValueTask<DimseStatus> CompleteAsync(CancellationToken cancellationToken);
}
