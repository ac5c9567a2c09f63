using System.Collections.Concurrent;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary>A hand-written streaming store handler: records each target's fragments and whether it was completed and
/// disposed; throws at one stage ("begin", "write", "complete") when asked.</summary>
internal sealed class RecordingStreamingHandler(DimseStatus status, string? throwAt = null) : IStreamingStoreHandler
{
    public ConcurrentQueue<Target> Targets { get; } = new();

    public int BufferedCalls { get; private set; }

    public ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        if (throwAt == "begin")
        {
            throw new InvalidOperationException("begin failed on DOE^JANE");
        }

        var target = new Target(request, status, throwAt);
        Targets.Enqueue(target);
        return ValueTask.FromResult<IStoreTarget>(target);
    }

    public ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        BufferedCalls++;
        return ValueTask.FromResult(status);
    }

    internal sealed class Target(StoreRequest request, DimseStatus status, string? throwAt) : IStoreTarget
    {
        private readonly MemoryStream _data = new();

        public StoreRequest Request { get; } = request;

        public int Fragments { get; private set; }

        public bool Completed { get; private set; }

        public bool Disposed { get; private set; }

        public byte[] Data => _data.ToArray();

        public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
        {
            if (throwAt == "write")
            {
                throw new IOException("write failed on DOE^JANE");
            }

            Fragments++;
            _data.Write(fragment.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask<DimseStatus> CompleteAsync(CancellationToken cancellationToken)
        {
            Completed = true;
            return throwAt == "complete"
                ? throw new InvalidOperationException("complete failed on DOE^JANE")
                : ValueTask.FromResult(status);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
