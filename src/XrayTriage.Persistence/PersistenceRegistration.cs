using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;

namespace XrayTriage.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Registers the DbContext factory, the audit log, database maintenance, the triage work queue and the report
    /// outbox.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PersistenceOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(PersistenceOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>();
        builder.Services.AddPooledDbContextFactory<TriageDbContext>((services, options) =>
            TriageDbContext.Configure(options, services.GetRequiredService<IOptions<PersistenceOptions>>().Value.ConnectionString));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<AuditHistory>();
        builder.Services.AddSingleton<DatabaseMaintenance>();
        builder.Services.AddSingleton<TriageWorkStore>();
        builder.Services.AddSingleton<ReportOutboxStore>();
        return builder;
    }
}
