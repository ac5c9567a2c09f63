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
}
