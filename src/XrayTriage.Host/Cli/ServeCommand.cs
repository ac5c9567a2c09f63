using System.CommandLine;
using Microsoft.Extensions.Options;
using XrayTriage.Host.Inference;
using XrayTriage.Host.Options;
using XrayTriage.Inference;
using XrayTriage.Inference.Calibration;
using XrayTriage.Persistence;
using XrayTriage.Web;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage serve</c>: the long-running service (console, systemd or Windows service).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the triage service: DICOM listener, workers, web pages and health endpoints.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. parseResult.UnmatchedTokens],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(builder.Configuration[ServerUrlsOptions.Key] ?? ServerUrlsOptions.Default);
        builder.AddHostOptions().AddPersistence().AddModels().AddPipeline().AddServiceLifetime().AddWeb().AddWebBridges();

        await using var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapWeb();
        try
        {
            // Validate before starting, so a bad setting is one line on stderr rather than a logged stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();

            // Load, verify (SHA-256) and warm up the ensemble before accepting work: a missing or altered model refuses start-up.
            _ = app.Services.GetRequiredService<EnsembleEngine>();
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (SiteThresholdsException ex)
        {
            await error.WriteLineAsync($"xraytriage: invalid configuration: {ThresholdsSetting.Key}: {ex.Message.ReplaceLineEndings(" ")}");
            return ConfigurationErrors.ExitCode;
        }
        catch (InferenceException ex)
        {
            await error.WriteLineAsync($"xraytriage: cannot load the ensemble: {ex.Message.ReplaceLineEndings(" ")}");
            return ConfigurationErrors.ExitCode;
        }
        catch (Exception ex) when (ListenFailure.Describe(ex, ServerUrlsOptions.Key) is { } failure)
        {
            await error.WriteLineAsync($"xraytriage: cannot listen on {failure.Setting}: {failure.Message}");
            return 1;
        }
    }
}
