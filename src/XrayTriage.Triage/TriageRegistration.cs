using System.Globalization;
using Microsoft.Extensions.Configuration;
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
        builder.Services.AddOptions<TriageOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(TriageOptions.SectionName), options))
            .ValidateOnStart();
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

    // Bound by hand: Microsoft.Extensions.Configuration.Binder is not among the pinned packages of library projects.
    private static void Bind(IConfigurationSection section, TriageOptions options)
    {
        options.Workers = ReadInt(section, nameof(TriageOptions.Workers), options.Workers);
        options.ClaimBatch = ReadInt(section, nameof(TriageOptions.ClaimBatch), options.ClaimBatch);
        options.MaxAttempts = ReadInt(section, nameof(TriageOptions.MaxAttempts), options.MaxAttempts);
        options.PollInterval = ReadTime(section, nameof(TriageOptions.PollInterval), options.PollInterval);
        options.LeaseTimeout = ReadTime(section, nameof(TriageOptions.LeaseTimeout), options.LeaseTimeout);
        options.RetryBackoff = ReadTime(section, nameof(TriageOptions.RetryBackoff), options.RetryBackoff);
        options.StudyQuietPeriod = ReadTime(section, nameof(TriageOptions.StudyQuietPeriod), options.StudyQuietPeriod);
        options.SettleInterval = ReadTime(section, nameof(TriageOptions.SettleInterval), options.SettleInterval);
        options.ThresholdsPath = section[nameof(TriageOptions.ThresholdsPath)] ?? options.ThresholdsPath;
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
            : throw Invalid(key, $"must be an integer (got '{text}').");
    }

    private static TimeSpan ReadTime(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(key, $"must be a duration hh:mm:ss[.fff] (got '{text}').");
    }

    private static OptionsValidationException Invalid(string key, string problem)
        => new(TriageOptions.SectionName, typeof(TriageOptions), [$"{TriageOptions.SectionName}:{key} {problem}"]);
}
