using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Builds the <see cref="DestinationWorker"/>s of a destination (<see cref="Destination.MaxAssociations"/> of
/// them, sharing one <see cref="DestinationLane"/>) with the shared services and claim owner ids naming this process and
/// loop, so a row in the outbox says who is sending it.</summary>
internal sealed class DestinationWorkerFactory(
    DestinationCatalog catalog,
    ReportOutboxStore outbox,
    SharedReportPackages packages,
    IAuditLog auditLog,
    ReportingMetrics metrics,
    ReportSignal signal,
    IOptions<ReportingOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}";

    public IReadOnlyList<DestinationWorker> Create(Destination destination)
    {
        var logger = loggerFactory.CreateLogger<DestinationWorker>();
        var lane = new DestinationLane(destination, options.Value, timeProvider, logger);
        return [.. Enumerable.Range(1, destination.MaxAssociations).Select(loop => Create(lane, loop, logger))];
    }

    private DestinationWorker Create(DestinationLane lane, int loop, ILogger logger)
    {
        var destination = lane.Destination;
        return new DestinationWorker(
            lane,
            new DestinationSender(destination, timeProvider),
            outbox,
            packages,
            new DeliveryAudit(auditLog, catalog.CallingAeTitle, logger),
            metrics,
            signal,
            options.Value,
            $"{_owner}:{destination.Name}#{loop}",
            timeProvider,
            logger);
    }
}
