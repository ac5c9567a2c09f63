using System.CommandLine;
using System.Security.Cryptography;
using XrayTriage.Core.Pipeline;
using XrayTriage.Host.Inference;
using XrayTriage.Inference;
using XrayTriage.Inference.Calibration;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage models verify [--path DIR]</c>: reads <c>ensemble.json</c> with the same loader and validation as
/// <c>serve</c>, checks every member file's SHA-256 and prints the ensemble's name, version and Device UID. An operator
/// runs it after replacing <c>models/</c> and before restarting the service. Creates no ONNX Runtime session.</summary>
internal static class ModelsCommand
{
    /// <summary>A manifest that cannot be read or a file that is missing or differs from its hash.</summary>
    public const int MismatchExitCode = 2;

    public static Command Create()
    {
        var path = new Option<string?>("--path")
        {
            Description = "Folder with ensemble.json and the model files (default: Models:Path, 'models' next to the executable).",
        };
        var verify = new Command(
            "verify", "Check every model file against the SHA-256 in ensemble.json; print name, version and Device UID.")
        {
            path,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parseResult, cancellationToken) => VerifyAsync(parseResult.GetValue(path), parseResult, cancellationToken));
        return new Command("models", "Inspect the installed ensemble.") { verify };
    }

    private static async Task<int> VerifyAsync(string? folder, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var directory = folder is null ? ModelCommandHost.ConfiguredModelsFolder(parseResult.UnmatchedTokens) : Path.GetFullPath(folder);

        EnsembleManifest manifest;
        try
        {
            manifest = EnsembleManifest.Load(Path.Combine(directory, EnsembleManifest.FileName));
        }
        catch (InferenceException ex)
        {
            await error.WriteLineAsync($"xraytriage models verify: {ex.Message.ReplaceLineEndings(" ")}");
            return MismatchExitCode;
        }

        await output.WriteLineAsync($"ensemble:   {manifest.Name}");
        await output.WriteLineAsync($"version:    {manifest.Version}");
        await output.WriteLineAsync($"device uid: {manifest.DeviceUid}");
        await output.WriteLineAsync($"folder:     {manifest.BaseDirectory}");
        if (!await WriteOperatingPointAsync(manifest, ConfiguredThresholds(parseResult.UnmatchedTokens), output, error))
        {
            return MismatchExitCode;
        }

        // Every file the service would load: the members and, when the manifest has one, the content gate.
        var files = manifest.Members.Select(m => (What: $"member '{m.Name}'", m.Name, m.File, m.Sha256)).ToList();
        if (manifest.ContentGate is { } gate)
        {
            files.Add(("the content gate", "content-gate", gate.File, gate.Sha256));
        }

        var failures = 0;
        foreach (var (what, name, relative, sha256) in files)
        {
            var file = manifest.ResolvePath(relative);
            var actual = await HashAsync(file, cancellationToken);
            if (actual is null)
            {
                await error.WriteLineAsync($"xraytriage models verify: {what}: model file {file} does not exist or cannot be read.");
                failures++;
            }
            else if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync(
                    $"xraytriage models verify: {what}: model file {file} has SHA-256 {actual}, " +
                    $"the manifest expects {sha256.ToLowerInvariant()}.");
                failures++;
            }
            else
            {
                await output.WriteLineAsync($"ok          {name} {relative} sha256 {actual}");
            }
        }

        if (failures > 0)
        {
            await output.WriteLineAsync($"FAILED: {failures} of {files.Count} model file(s) do not match ensemble.json.");
            return MismatchExitCode;
        }

        await output.WriteLineAsync($"verified: {files.Count} model file(s) match ensemble.json.");
        return 0;
    }

    /// <summary>The operating point <c>serve</c> would decide with: the shipped thresholds, or the site thresholds file of
    /// <c>Triage:ThresholdsPath</c> checked against the manifest exactly as <c>serve</c> checks it.</summary>
    private static async Task<bool> WriteOperatingPointAsync(
        EnsembleManifest manifest, string? thresholdsPath, TextWriter output, TextWriter error)
    {
        TriageOperatingPoint operatingPoint;
        try
        {
            operatingPoint = thresholdsPath is null
                ? TriagePolicy.ShippedOperatingPoint(manifest)
                : SiteThresholdsFile.Load(thresholdsPath).OperatingPointFor(manifest);
        }
        catch (SiteThresholdsException ex)
        {
            await error.WriteLineAsync($"xraytriage models verify: {ThresholdsSetting.Key}: {ex.Message.ReplaceLineEndings(" ")}");
            return false;
        }

        await output.WriteLineAsync($"operating point: {operatingPoint.Describe()}");
        if (thresholdsPath is not null)
        {
            await output.WriteLineAsync($"thresholds:      {thresholdsPath}");
        }

        return true;
    }

    private static string? ConfiguredThresholds(IReadOnlyList<string> configurationArgs)
    {
        var builder = CommandHost.CreateBuilder(configurationArgs);
        return ThresholdsSetting.ResolvePath(builder.Configuration[ThresholdsSetting.Key]);
    }

    private static async Task<string?> HashAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
