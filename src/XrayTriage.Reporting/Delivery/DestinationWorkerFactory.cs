using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Builds one <see cref="DestinationWorker"/> per destination with the shared services and a claim owner id
/// naming this process, so a row in the outbox says which process is sending it.</summary>
internal sealed class DestinationWorkerFactory(
    DestinationCatalog catalog,
    ReportOutboxStore outbox,
    ReportPackageBuilder packages,
    IAuditLog auditLog,
    ReportingMetrics metrics,
    ReportSignal signal,
    IOptions<ReportingOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}";

    public DestinationWorker Create(Destination destination)
    {
        var logger = loggerFactory.CreateLogger<DestinationWorker>();
        return new DestinationWorker(
            new DestinationSender(destination, timeProvider),
            outbox,
            packages,
            new DeliveryAudit(auditLog, catalog.CallingAeTitle, logger),
            metrics,
            signal,
            options.Value,
            $"{_owner}:{destination.Name}",
            timeProvider,
            logger);
    }
}
