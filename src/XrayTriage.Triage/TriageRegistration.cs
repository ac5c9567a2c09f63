using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Triage;

public static class TriageRegistration
{
    /// <summary>Registers the <c>Triage</c> options (validated at start), the triage worker and the study settler as
    /// hosted services, <see cref="ITriageSignal"/> for ingest to wake the worker, and the <c>XrayTriage.Triage</c>
    /// meter. Expects <c>AddPersistence</c> and <c>AddInference</c> (the ensemble and its batcher) to be registered.
    /// Settled studies go to every registered <see cref="ISettledStudySink"/> (none: they are only logged).</summary>
    public static IHostApplicationBuilder AddTriage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TriageOptions>, TriageOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TriageSignal>();
        builder.Services.TryAddSingleton<ITriageSignal>(services => services.GetRequiredService<TriageSignal>());
        builder.Services.TryAddSingleton<TriageMetrics>();
        builder.Services.TryAddSingleton<ModelInputs>();
        builder.Services.TryAddSingleton<InstanceTriage>();
        builder.Services.AddHostedService<TriageWorker>();
        builder.Services.AddHostedService<StudySettler>();
        return builder;
    }
}
