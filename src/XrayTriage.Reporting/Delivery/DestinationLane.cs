using Microsoft.Extensions.Logging;
using Polly;

namespace XrayTriage.Reporting.Delivery;

/// <summary>What the delivery loops of one destination share: its Polly pipeline (so the circuit breaker counts the
/// failures of every association to that PACS) and the pause the open breaker imposes on all of them.</summary>
internal sealed class DestinationLane
{
    private long _pausedUntilTicks = DateTimeOffset.MinValue.UtcTicks;

    public DestinationLane(Destination destination, ReportingOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Destination = destination;
        Pipeline = DeliveryPipeline.Create(destination.Name, options, timeProvider, logger,
            opened: failure => OpenedBy = failure?.Message.ReplaceLineEndings(" "));
    }

    public Destination Destination { get; }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>The failure that last opened the circuit breaker, so a paused delivery still names the cause.</summary>
    public string? OpenedBy { get; private set; }

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    /// <summary>Pauses every loop of the destination until <paramref name="until"/> (a later pause wins).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        var seen = Interlocked.Read(ref _pausedUntilTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _pausedUntilTicks, ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
