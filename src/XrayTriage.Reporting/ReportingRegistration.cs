using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Reporting.Delivery;

namespace XrayTriage.Reporting;

public static class ReportingRegistration
{
    /// <summary>Registers stage 4: options <c>Reporting</c> and <c>Pacs</c> (validated at start), the report builder,
    /// the dispatcher with one delivery loop per destination, the spool retention sweep, the settled-study signal and
    /// the <c>XrayTriage.Reporting</c> meter. Expects <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReportingOptions>, ReportingOptionsValidator>();
        builder.Services.AddOptions<PacsOptions>().BindConfiguration(PacsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PacsOptions>, PacsOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<ReportingMetrics>();
        builder.Services.TryAddSingleton<ReportSignal>();
        builder.Services.AddSingleton<ISettledStudySink>(services => services.GetRequiredService<ReportSignal>());
        builder.Services.TryAddSingleton<DestinationCatalog>();
        builder.Services.TryAddSingleton<ReportPackageBuilder>();
        builder.Services.TryAddSingleton<SharedReportPackages>();
        builder.Services.TryAddSingleton<DestinationWorkerFactory>();
        builder.Services.AddHostedService<ReportDispatcher>();
        builder.Services.AddHostedService<SpoolRetentionWorker>();
        return builder;
    }
}
