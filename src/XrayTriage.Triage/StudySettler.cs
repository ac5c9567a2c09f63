using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;

namespace XrayTriage.Triage;

/// <summary>Every <see cref="TriageOptions.SettleInterval"/>, marks studies settled that were quiet for
/// <see cref="TriageOptions.StudyQuietPeriod"/> with nothing left to triage, and hands each to every
/// <see cref="ISettledStudySink"/>. The database decides which sweep settles a study, so running it in every
/// process is harmless: each settled study is returned once per quiet period.</summary>
internal sealed class StudySettler(
    TriageWorkStore store,
    IEnumerable<ISettledStudySink> sinks,
    IOptions<TriageOptions> options,
    TimeProvider timeProvider,
    ILogger<StudySettler> logger) : BackgroundService
{
    private readonly ISettledStudySink[] _sinks = [.. sinks];
    private readonly TriageOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SettleInterval, timeProvider);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<SettledStudy> settled;
        try
        {
            settled = await store.SettleAsync(_options.StudyQuietPeriod, timeProvider.GetUtcNow(), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.SettleFailed(logger, _options.SettleInterval, ex.Message);
            return;
        }

        foreach (var study in settled)
        {
            Log.StudySettled(logger, study.StudyId, study.ImageCount, study.Priority?.ToString() ?? "none", study.ReportId, study.Version);
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.PublishAsync(study, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.SinkFailed(logger, study.StudyId, sink.GetType().Name, ex.Message);
                }
            }
        }
    }
}
