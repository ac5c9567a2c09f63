using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XrayTriage.Inference;

public static class InferenceRegistration
{
    /// <summary>Registers the <c>Inference</c> options (validated at start), the ensemble engine loaded once from
    /// <c>ensemble.json</c> in the folder <paramref name="modelsFolder"/> returns (the Host's <c>Models:Path</c>), and the
    /// micro-batcher.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="modelsFolder">The folder of <c>ensemble.json</c>.</param>
    /// <param name="thresholdsPath">A site thresholds file to decide with instead of the shipped thresholds; null or
    /// empty for the shipped ones. A file for another model refuses the engine (<see cref="Calibration.SiteThresholdsException"/>).</param>
    public static IHostApplicationBuilder AddInference(
        this IHostApplicationBuilder builder,
        Func<IServiceProvider, string> modelsFolder,
        Func<IServiceProvider, string?>? thresholdsPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(modelsFolder);
        builder.Services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton(services => EnsembleEngine.Load(
            modelsFolder(services),
            services.GetRequiredService<IOptions<InferenceOptions>>().Value,
            services.GetRequiredService<ILogger<EnsembleEngine>>(),
            thresholdsPath?.Invoke(services)));
        builder.Services.AddSingleton(services => new EnsembleBatcher(
            services.GetRequiredService<EnsembleEngine>(),
            services.GetRequiredService<IOptions<InferenceOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<EnsembleBatcher>>()));
        return builder;
    }
}
