using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using XrayTriage.Host.Inference;
using XrayTriage.Triage;
using XrayTriage.Imaging;
using XrayTriage.Host.Options;
using XrayTriage.Inference;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Host.Cli;

/// <summary>The ensemble for a CLI verb (<c>classify</c>, <c>eval</c>): configuration as for <c>serve</c>
/// (appsettings.json, environment, <c>--Section:Key=value</c>), <c>Models:Path</c> and <c>Inference:*</c> validated,
/// sessions loaded and verified. Warnings (e.g. the CUDA fallback) go to stderr; results to stdout.</summary>
internal sealed class ModelCommandHost : IDisposable
{
    private readonly IHost _host;

    private ModelCommandHost(IHost host, EnsembleEngine engine)
    {
        _host = host;
        Engine = engine;
        Inputs = new ModelInputs(engine);
    }

    public EnsembleEngine Engine { get; }

    public ModelInputs Inputs { get; }

    /// <summary>Null after writing one line per problem to <paramref name="error"/>; <paramref name="exitCode"/> then says why.
    /// With <paramref name="thresholdsPath"/> (<c>--thresholds</c>) triage decides with that site thresholds file.</summary>
    public static ModelCommandHost? TryStart(
        string verb, IEnumerable<string> configurationArgs, TextWriter error, out int exitCode, string? thresholdsPath = null)
    {
        var builder = CommandHost.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        builder.AddInference(
            services => services.GetRequiredService<IOptions<ModelsOptions>>().Value.ResolvedPath,
            _ => thresholdsPath is null ? null : Path.GetFullPath(thresholdsPath));
        var host = builder.Build();
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            var engine = host.Services.GetRequiredService<EnsembleEngine>();
            exitCode = 0;
            return new ModelCommandHost(host, engine);
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            host.Dispose();
            exitCode = ConfigurationErrors.ExitCode;
            return null;
        }
        catch (SiteThresholdsException ex)
        {
            host.Dispose();
            error.WriteLine($"xraytriage {verb}: --thresholds: {ex.Message.ReplaceLineEndings(" ")}");
            exitCode = ConfigurationErrors.ExitCode;
            return null;
        }
        catch (InferenceException ex)
        {
            host.Dispose();
            error.WriteLine($"xraytriage {verb}: cannot load the ensemble: {ex.Message.ReplaceLineEndings(" ")}");
            exitCode = ConfigurationErrors.ExitCode;
            return null;
        }
    }

    /// <summary>The Host's <c>Models:Path</c>, resolved, without validating or loading anything.</summary>
    public static string ConfiguredModelsFolder(IEnumerable<string> configurationArgs)
    {
        var builder = CommandHost.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.SectionName);
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ModelsOptions>>().Value.ResolvedPath;
    }

    /// <summary>The first member's input spec from <c>Models:Path/ensemble.json</c> (no sessions are created).</summary>
    public static bool TryReadFirstMemberSpec(
        string verb, IEnumerable<string> configurationArgs, TextWriter error, out ModelInputSpec? spec, out int exitCode)
    {
        spec = null;
        var folder = ConfiguredModelsFolder(configurationArgs);
        try
        {
            var manifest = EnsembleManifest.Load(Path.Combine(folder, EnsembleManifest.FileName));
            spec = ModelInputs.ToSpec(manifest.Members[0].Input);
            exitCode = 0;
            return true;
        }
        catch (InferenceException ex)
        {
            error.WriteLine($"xraytriage {verb}: {ex.Message.ReplaceLineEndings(" ")}");
            exitCode = ConfigurationErrors.ExitCode;
            return false;
        }
    }

    /// <summary><c>--Section:Key=value</c> or <c>--Section:Key</c> (a configuration override, as for <c>serve</c>).</summary>
    public static bool IsConfigurationToken(string token)
        => token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf(':', StringComparison.Ordinal) > 2;

    public string ProviderLine
        => $"provider: {Engine.ActiveProvider} ({Engine.Device}); ensemble {Engine.Manifest.Name} {Engine.Manifest.Version}, "
            + string.Join(
                ", ", Engine.Manifest.Members.Select((m, i) => FormattableString.Invariant($"{m.Name} ×{Engine.Weights[i]:0.00}")));

    /// <summary><c>operating point: shipped on val (sensitivity&gt;=0.95): covid19 &gt;= …</c></summary>
    public string OperatingPointLine => $"operating point: {Engine.TriagePolicy.OperatingPoint?.Describe()}";

    public void Dispose() => _host.Dispose();
}
