using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Wakes the dispatcher when this process settles a study, so a report leaves at once instead of at the next
/// poll. Only a hint: the outbox in the database is the record, and studies settled by another process are found by
/// polling. The dispatcher's fan-out and the destination workers wait on its <see cref="WakeSignal"/>.</summary>
internal sealed class ReportSignal : ISettledStudySink
{
    public WakeSignal Wake { get; } = new();

    public Task PublishAsync(SettledStudy study, CancellationToken cancellationToken)
    {
        Wake.Notify();
        return Task.CompletedTask;
    }
}
