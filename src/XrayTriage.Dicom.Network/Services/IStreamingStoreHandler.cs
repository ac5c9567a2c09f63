using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An <see cref="IStoreHandler"/> that takes each data set while it arrives instead of after it was buffered.</summary>
/// <remarks>
/// PS3.7 §9.3.1 and PS3.8 Annex E: a C-STORE-RQ is its command set, then its data set in P-DATA fragments of any size.
/// When the handler implements this interface the SCP calls <see cref="BeginAsync"/> as soon as the command set is
/// complete and writes every data set fragment, in order, into the returned <see cref="IStoreTarget"/> (nothing is
/// buffered in memory or in a temporary file of the SCP's own), then answers the status of
/// <see cref="IStoreTarget.CompleteAsync"/>. A target whose transfer does not complete (A-ABORT, a broken connection,
/// a reassembly error, the server stopping) is disposed without <see cref="IStoreTarget.CompleteAsync"/>.
/// <see cref="IStoreHandler.HandleAsync"/> is not called by the SCP for such a handler.
/// </remarks>
public interface IStreamingStoreHandler : IStoreHandler
{
    /// <summary>Starts receiving one instance; return a <see cref="DiscardingStoreTarget"/> to refuse it before its data arrives.</summary>
    /// <param name="request">The command and its context (the data set follows).</param>
    /// <param name="cancellationToken">Cancelled when the association ends or the server stops.</param>
    /// <returns>Where the data set goes. An exception is logged and the instance answered with 0110.</returns>
    ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken);

    /// <summary>The buffered form for a streaming handler: <see cref="BeginAsync"/>, the whole data set written into the
    /// target, <see cref="IStoreTarget.CompleteAsync"/> — so a caller that holds a complete data set takes the same path
    /// as one received fragment by fragment. Implementations of <see cref="IStoreHandler.HandleAsync"/> call this.</summary>
    /// <param name="handler">The streaming handler.</param>
    /// <param name="request">The command and its context.</param>
    /// <param name="dataSet">The complete data set (no Part 10 header), read to its end.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status of <see cref="IStoreTarget.CompleteAsync"/>.</returns>
    public static async ValueTask<DimseStatus> HandleBufferedAsync(
        IStreamingStoreHandler handler, StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(dataSet);
        await using var target = await handler.BeginAsync(request, cancellationToken);
        var buffer = new byte[81920];
        int read;
        while ((read = await dataSet.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return await target.CompleteAsync(cancellationToken);
    }
}
