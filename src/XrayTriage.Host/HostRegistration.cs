using Microsoft.Extensions.Options;
using XrayTriage.Host.Auditing;
using XrayTriage.Host.Health;
using XrayTriage.Host.Inference;
using XrayTriage.Host.Options;
using OpenTelemetry.Metrics;
using XrayTriage.Inference;
using XrayTriage.Ingest;
using XrayTriage.Reporting;
using XrayTriage.Reporting.Delivery;
using XrayTriage.Triage;

namespace XrayTriage.Host;

internal static class HostRegistration
{
    /// <summary>Options owned by the host, each validated at start-up with a message naming its key.</summary>
    public static IHostApplicationBuilder AddHostOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        builder.Services.AddOptions<ServerUrlsOptions>()
            .Configure<IConfiguration>((o, c) => o.Urls = c[ServerUrlsOptions.Key] ?? ServerUrlsOptions.Default)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServerUrlsOptions>, ServerUrlsOptionsValidator>();
        return builder;
    }

    /// <summary>The ensemble (loaded once, verified, warmed up), its readiness check and the metrics pipeline
    /// (<c>/metrics</c>, Prometheus text format) for every <c>XrayTriage.*</c> meter.</summary>
    public static IHostApplicationBuilder AddModels(this IHostApplicationBuilder builder)
    {
        builder.AddInference(
            services => services.GetRequiredService<IOptions<ModelsOptions>>().Value.ResolvedPath,
            services => ThresholdsSetting.ResolvePath(services.GetRequiredService<IOptions<TriageOptions>>().Value.ThresholdsPath));
        builder.Services.AddHealthChecks().AddCheck<ModelReadinessCheck>("model", tags: ["ready"]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("XrayTriage.*").AddPrometheusExporter());
        return builder;
    }

    /// <summary>The pipeline: ingest (C-STORE SCP → spool → database, section <c>Dicom</c>), triage workers (section
    /// <c>Triage</c>) and report delivery to PACS (sections <c>Reporting</c> and <c>Pacs</c>), with the spool's
    /// and association-slot readiness checks.</summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddIngest().AddTriage().AddReporting();
        // Reports go out calling as this service's own AE title unless Pacs:CallingAeTitle names another.
        builder.Services.AddOptions<PacsOptions>().PostConfigure<IOptions<IngestOptions>>((pacs, dicom) =>
        {
            if (string.IsNullOrWhiteSpace(pacs.CallingAeTitle))
            {
                pacs.CallingAeTitle = dicom.Value.AeTitle;
            }
        });
        builder.Services.AddHealthChecks()
            .AddCheck<SpoolReadinessCheck>("spool", tags: ["ready"])
            .AddCheck<AssociationReadinessCheck>("associations", tags: ["ready"]);
        return builder;
    }

    public static IHostApplicationBuilder AddServiceLifetime(this IHostApplicationBuilder builder)
    {
        // Both are no-ops unless the process was started by systemd (Type=notify) or the Windows SCM.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "XrayTriage");
        builder.Services.AddHostedService<ApplicationActivityAuditor>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
