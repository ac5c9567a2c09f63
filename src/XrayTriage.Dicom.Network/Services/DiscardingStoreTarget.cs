using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An <see cref="IStoreTarget"/> that drops the data set and answers a fixed status: an instance refused
/// before its data arrived (PS3.4 §B.2.3; the SCP still reads the whole data set before it answers, PS3.7 §9.3.1).</summary>
/// <param name="status">The status to answer with.</param>
public sealed class DiscardingStoreTarget(DimseStatus status) : IStoreTarget
{
    /// <summary>Gets the status this target answers with.</summary>
    public DimseStatus Status { get; } = status;

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask<DimseStatus> CompleteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Status);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
