using System.CommandLine;
using System.Data.Common;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Host.Cli.Network;
using XrayTriage.Persistence;

namespace XrayTriage.Host.Cli;

/// <summary>
/// <c>xraytriage demo SAMPLES [--dicom-port P] [--web URL] [--password-file FILE]</c>: what a new user wants to see
/// first (run by <c>./run.sh --demo</c> once the service is ready). Sends the chest films of <c>SAMPLES/chest</c> and
/// one non-chest film to the running service's DICOM listener, as a modality would, waits until the pipeline has
/// decided each one (read from the database), prints each decision, and where to sign in to see them.
/// </summary>
internal static class DemoCommand
{
    /// <summary>A CR of a hip: the header rules leave it not assessable, with the reason on the worklist.</summary>
    public const string NonChestSample = "other/cr_hip_mono2_u10_j2k-lossy_nema-RG2_J2KI.dcm";

    public const string CallingAeTitle = "DEMO-MODALITY";

    private static readonly TimeSpan TriageLimit = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var samples = new Argument<DirectoryInfo>("SAMPLES")
        {
            Description = "The sample folder (../shared/dicom-samples): its chest/ films and one of other/.",
        };
        var port = new Option<int>("--dicom-port") { Description = "The running service's DICOM port.", DefaultValueFactory = _ => 11112 };
        var web = new Option<string>("--web")
        {
            Description = "The running service's web address.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var passwordFile = new Option<FileInfo?>("--password-file")
        {
            Description = "The initial admin password file, printed with the address when it is still there.",
        };
        var command = new Command(
            "demo", "Send the sample films to the running service, wait for their triage and print where to see them.")
        {
            samples, port, web, passwordFile,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var root = parseResult.GetRequiredValue(samples).FullName;
            var files = Directory.EnumerateFiles(Path.Combine(root, "chest"), "*.dcm").Order(StringComparer.Ordinal)
                .Append(Path.Combine(root, NonChestSample)).Where(File.Exists).ToList();
            if (files.Count == 0)
            {
                await error.WriteLineAsync($"xraytriage demo: no sample films under {root}.");
                return 1;
            }

            await output.WriteLineAsync(
                $"== demo: sending {files.Count} sample films to 127.0.0.1:{parseResult.GetValue(port)} as {CallingAeTitle}");
            var scu = new DicomScuOptions
            {
                Host = "127.0.0.1",
                Port = parseResult.GetValue(port),
                CallingAeTitle = CallingAeTitle,
                CalledAeTitle = NetworkArguments.DefaultCalledAeTitle,
            };
            var sent = await new SendCommand.SendRun(scu, progressEvery: 100, output, error).RunAsync([.. files], cancellationToken);
            if (sent != 0)
            {
                return sent;
            }

            var uids = files.ToDictionary(
                f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPInstanceUID),
                f => Path.GetRelativePath(root, f),
                StringComparer.Ordinal);
            var outcomes = await WaitForTriageAsync(parseResult, [.. uids.Keys], output, error, cancellationToken);
            if (outcomes is null)
            {
                return 1;
            }

            await output.WriteLineAsync("== triage results (also on the worklist)");
            foreach (var outcome in outcomes)
            {
                await output.WriteLineAsync($"   {Describe(outcome),-16} {uids[outcome.SopInstanceUid]}{Detail(outcome)}");
            }

            var password = parseResult.GetValue(passwordFile) is { Exists: true } file
                ? (await File.ReadAllTextAsync(file.FullName, cancellationToken)).Trim()
                : null;
            var address = parseResult.GetValue(web);
            await output.WriteLineAsync(password is null
                ? $"== open {address} and sign in with your account"
                : $"== open {address} and sign in as {InitialAdmin.UserName} with the password {password}");
            await output.WriteLineAsync("   a study's page shows the film and its heatmap; the not-assessable film shows why");
            return 0;
        });
        return command;
    }

    private static async Task<IReadOnlyList<InstanceOutcome>?> WaitForTriageAsync(
        ParseResult parseResult, List<string> uids, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = CommandHost.CreateBuilder(parseResult.UnmatchedTokens);
        builder.Logging.ClearProviders();
        builder.AddPersistence();
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<TriageWorkStore>();
        await output.WriteLineAsync("== waiting for triage");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TriageLimit);
        try
        {
            while (true)
            {
                var outcomes = await store.GetOutcomesAsync(uids, limit.Token);
                if (outcomes.Count >= uids.Count && outcomes.All(o => o.IsFinal))
                {
                    return outcomes;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, limit.Token);
            }
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(
                $"xraytriage demo: the films were not all triaged within {TriageLimit.TotalMinutes} minutes; see the service's log.");
            return null;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"xraytriage demo: failed: {DatabaseMaintenance.Describe(ex)}");
            return null;
        }
    }

    private static string Describe(InstanceOutcome outcome) => (outcome.State, outcome.Priority) switch
    {
        (InstanceState.Failed, _) => "failed",
        (InstanceState.Skipped, _) or (_, TriagePriority.NotAssessable) => "not assessable",
        (_, TriagePriority.Urgent) => "urgent",
        _ => "routine",
    };

    private static string Detail(InstanceOutcome outcome) =>
        outcome.Findings.Count > 0 ? $" ({string.Join(", ", outcome.Findings)})"
        : outcome.Reason is { } reason ? $" — {reason}"
        : string.Empty;
}
