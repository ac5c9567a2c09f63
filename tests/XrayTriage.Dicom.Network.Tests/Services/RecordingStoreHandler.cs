using System.Collections.Concurrent;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary>A hand-written store handler that records what arrived and answers a fixed status.</summary>
internal sealed class RecordingStoreHandler(DimseStatus status, bool throws = false) : IStoreHandler
{
    public ConcurrentQueue<(StoreRequest Request, byte[] Data, bool WasFile)> Received { get; } = new();

    public async ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await dataSet.CopyToAsync(copy, cancellationToken);
        Received.Enqueue((request, copy.ToArray(), dataSet is FileStream));
        return throws ? throw new InvalidOperationException("handler failed on DOE^JANE") : status;
    }
}
