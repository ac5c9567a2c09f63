using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Imaging.Eligibility;

namespace XrayTriage.Ingest;

public static class IngestRegistration
{
    /// <summary>
    /// Registers the ingest stage: <see cref="IngestOptions"/> (section <c>Dicom</c>, validated on start),
    /// the spool, <see cref="SpoolReadiness"/>, <see cref="AssociationLoad"/>, the <c>XrayTriage.Ingest</c> meter and
    /// <see cref="IngestService"/> as a hosted service (with the spool-disk association gate and one audit row per
    /// association).
    /// Needs <c>AddPersistence()</c> (TriageWorkStore, IAuditLog). Uses a registered <see cref="EligibilityOptions"/>
    /// when the host has one, else the defaults, and wakes the triage workers through <see cref="ITriageSignal"/>
    /// when one is registered (AddTriage, in any order).
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(EligibilityOptions.Default);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(services =>
        {
            var path = services.GetRequiredService<IOptions<IngestOptions>>().Value.SpoolPath;
            return new InstanceSpool(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
        });
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(services => new SpoolCapacity(
            services.GetRequiredService<InstanceSpool>(), services.GetRequiredService<IOptions<IngestOptions>>().Value.MinFreeDiskBytes));
        builder.Services.AddSingleton(
            services => new AssociationLoad(services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxAssociations));
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton(services => new SpoolReadiness(
            services.GetRequiredService<InstanceSpool>(), services.GetRequiredService<SpoolCapacity>()));
        builder.Services.AddSingleton<IngestAudit>();
        builder.Services.AddSingleton<AssociationAudit>();
        builder.Services.AddSingleton<SpoolDiskGate>();
        builder.Services.AddSingleton<IngestStoreHandler>();
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestService>());
        return builder;
    }
}
