using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>The seam through which the application receives C-STORE data sets.</summary>
/// <remarks>
/// PS3.4 §B.2.3: the returned status goes back to the SCU in the C-STORE-RSP. Implementations return a
/// status instead of throwing (disk full → A7xx, unparseable → C000, SOP class mismatch → A900, anything
/// else → 0110); an exception that escapes anyway is logged (event 4006, its type only:
/// messages may carry file names or values) and answered with 0110. <see cref="IStreamingStoreHandler"/> takes the data set
/// while it arrives.
/// </remarks>
public interface IStoreHandler
{
    /// <summary>Stores one instance.</summary>
    /// <param name="request">The command and its context.</param>
    /// <param name="dataSet">The data set bytes (no Part 10 header) in <see cref="StoreRequest.TransferSyntaxUid"/>,
    /// positioned at 0.</param>
    /// <param name="cancellationToken">Cancelled when the association ends or the server stops.</param>
    /// <returns>The DIMSE status to answer with.</returns>
    ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken);
}
