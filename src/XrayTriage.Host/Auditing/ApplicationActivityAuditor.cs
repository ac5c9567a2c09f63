using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;
using XrayTriage.Host.Options;
using XrayTriage.Inference;
using XrayTriage.Ingest;
using XrayTriage.Persistence;

namespace XrayTriage.Host.Auditing;

/// <summary>Records Application Activity (start and stop) in the audit trail. A database that is down
/// does not stop the service: the failure is logged and readiness reports it.</summary>
/// <remarks>
/// "Config loaded" is the Application Start row itself: its detail carries the effective non-secret configuration
/// (<see cref="ConfigurationSummary"/>). PS3.15 A.5.3.1 allows only Application Start and Application Stop as event
/// types of Application Activity, and the configuration is loaded exactly once, at that start — so one standard row
/// rather than a made-up event type that an ATNA export would have to translate.
/// </remarks>
internal sealed class ApplicationActivityAuditor(
    IAuditLog auditLog,
    IOptions<IngestOptions> dicomOptions,
    IOptions<ModelsOptions> modelsOptions,
    IOptions<ServerUrlsOptions> urlsOptions,
    EnsembleEngine engine,
    AuditHistory history,
    IHostEnvironment environment,
    ILogger<ApplicationActivityAuditor> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan StopWriteLimit = TimeSpan.FromSeconds(5);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        Log.Started(logger, ApplicationInfo.Version, dicomOptions.Value.AeTitle, dicomOptions.Value.Port, modelsOptions.Value.ResolvedPath);
        var dicom = dicomOptions.Value;
        var spool = Path.IsPathRooted(dicom.SpoolPath) ? dicom.SpoolPath : Path.Combine(environment.ContentRootPath, dicom.SpoolPath);
        var configuration = ConfigurationSummary.Describe(dicom, Path.GetFullPath(spool), engine, urlsOptions.Value.Urls);
        // The start row first: it is the record that matters, and a stop right after start must not lose it.
        await RecordAsync(
            AuditEventType.ApplicationStart, $"xraytriage {ApplicationInfo.Version} started; {configuration}", cancellationToken);
        await RecordOperatingPointChangeAsync(cancellationToken);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(logger);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StopWriteLimit);
        await RecordAsync(AuditEventType.ApplicationStop, $"xraytriage {ApplicationInfo.Version} stopping", limit.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A Security Alert (Software Configuration) when the operating point differs from the one recorded by the
    /// previous start — a site's thresholds put in force or taken out of force is a change an auditor must see. The first
    /// start has nothing to compare with; a start recorded before summaries carried the operating point ran the shipped
    /// thresholds, so only a site-calibrated one is a change then.</summary>
    private async Task RecordOperatingPointChangeAsync(CancellationToken cancellationToken)
    {
        if (engine.TriagePolicy.OperatingPoint is not { } current)
        {
            return;
        }

        string? previousStart;
        try
        {
            // Skip the row this start has just written.
            previousStart = await history.LatestDetailAsync(
                AuditEventId.ApplicationActivity, AuditEventType.ApplicationStart, skip: 1, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.AuditWriteFailed(logger, AuditEventType.SoftwareConfiguration.ToString(), DatabaseMaintenance.Describe(ex));
            return;
        }

        if (previousStart is null)
        {
            return;
        }

        var previous = ConfigurationSummary.OperatingPointOf(previousStart);
        var description = current.Describe();
        if (previous == description || (previous is null && !current.IsSiteCalibrated))
        {
            return;
        }

        await RecordAsync(AuditEventId.SecurityAlert, AuditEventType.SoftwareConfiguration,
            $"triage operating point changed from {previous ?? "shipped thresholds (not recorded)"} to {description}", cancellationToken);
    }

    private Task RecordAsync(AuditEventType type, string detail, CancellationToken cancellationToken)
        => RecordAsync(AuditEventId.ApplicationActivity, type, detail, cancellationToken);

    private async Task RecordAsync(AuditEventId eventId, AuditEventType type, string detail, CancellationToken cancellationToken)
    {
        try
        {
            var actor = $"{dicomOptions.Value.AeTitle}@{Environment.MachineName}";
            await auditLog.RecordAsync(
                new AuditEntry(eventId, type, AuditOutcome.Success, actor, null, detail),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.AuditWriteFailed(logger, type.ToString(), DatabaseMaintenance.Describe(ex));
        }
    }
}
