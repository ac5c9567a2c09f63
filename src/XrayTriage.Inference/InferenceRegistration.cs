using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        this IHostApplicationBuilder builder, Func<IServiceProvider, string> modelsFolder, Func<IServiceProvider, string?>? thresholdsPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(modelsFolder);
        builder.Services.AddOptions<InferenceOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                Bind(configuration.GetSection(InferenceOptions.SectionName), options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        if (!builder.Services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

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

    // Bound by hand: Microsoft.Extensions.Options.ConfigurationExtensions (BindConfiguration) is not among the pinned packages.
    private static void Bind(IConfigurationSection section, InferenceOptions options)
    {
        options.ExecutionProvider = section[nameof(InferenceOptions.ExecutionProvider)] ?? options.ExecutionProvider;
        options.DeviceId = ReadInt(section, nameof(InferenceOptions.DeviceId), options.DeviceId);
        options.IntraOpThreads = ReadInt(section, nameof(InferenceOptions.IntraOpThreads), options.IntraOpThreads);
        options.InterOpThreads = ReadInt(section, nameof(InferenceOptions.InterOpThreads), options.InterOpThreads);
        options.MaxBatch = ReadInt(section, nameof(InferenceOptions.MaxBatch), options.MaxBatch);
        options.MaxWaitMilliseconds = ReadInt(section, nameof(InferenceOptions.MaxWaitMilliseconds), options.MaxWaitMilliseconds);
        options.AllowSpinning = section[nameof(InferenceOptions.AllowSpinning)] is { } spinning
            ? bool.TryParse(spinning, out var allow) ? allow : throw new OptionsValidationException(
                InferenceOptions.SectionName, typeof(InferenceOptions), [$"{InferenceOptions.SectionName}:AllowSpinning must be true or false (got '{spinning}')."])
            : options.AllowSpinning;
    }

    private static int ReadInt(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OptionsValidationException(
                InferenceOptions.SectionName,
                typeof(InferenceOptions),
                [$"{InferenceOptions.SectionName}:{key} must be an integer (got '{text}')."]);
    }
}
