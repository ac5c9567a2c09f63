using System.CommandLine;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Host.Cli.Network;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage send HOST PORT FILE|DIR… [--calling-ae AE] [--called-ae AE] [--tls …]</c>: C-STORE (PS3.4 Annex B)
/// of files, folders recursively, over one association. Compressed files travel in their own transfer syntax,
/// never transcoded. Exit 0 when every instance was stored; 1 when any was not (each named with its status or
/// reason); 2 when no association could be made.</summary>
internal static class SendCommand
{
    public const int InstanceFailedExitCode = 1;
    public const int AssociationFailedExitCode = 2;

    public static Command Create()
    {
        var host = NetworkArguments.Host();
        var port = NetworkArguments.Port();
        var paths = new Argument<string[]>("FILE|DIR")
        {
            Description = "DICOM files, or folders searched recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var callingAe = NetworkArguments.CallingAe();
        var calledAe = NetworkArguments.CalledAe();
        var progressEvery = new Option<int>("--progress-every")
        {
            Description = "Print a progress line after this many files (when sending more).",
            DefaultValueFactory = _ => 100,
        };
        var tls = new TlsArguments(listener: false);
        var command = new Command("send", "Send DICOM files to a peer with C-STORE.")
        {
            host, port, paths, callingAe, calledAe, progressEvery,
        };
        tls.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            DicomScuOptions options;
            try
            {
                options = new DicomScuOptions
                {
                    Host = parseResult.GetRequiredValue(host),
                    Port = parseResult.GetRequiredValue(port),
                    CallingAeTitle = parseResult.GetRequiredValue(callingAe),
                    CalledAeTitle = parseResult.GetRequiredValue(calledAe),
                    Tls = tls.Read(parseResult),
                };
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"xraytriage send: {NetworkArguments.OneLine(ex.Message)}");
                return AssociationFailedExitCode;
            }

            var run = new SendRun(
                options, Math.Max(1, parseResult.GetValue(progressEvery)), parseResult.InvocationConfiguration.Output, error);
            return await run.RunAsync(parseResult.GetRequiredValue(paths), cancellationToken);
        });
        return command;
    }

    internal sealed class SendRun(DicomScuOptions options, int progressEvery, TextWriter output, TextWriter error)
    {
        private readonly string _peer = NetworkArguments.Peer(options.CalledAeTitle, options.Host, options.Port);
        private int _failed;

        public async Task<int> RunAsync(string[] arguments, CancellationToken cancellationToken)
        {
            var files = new List<(string Path, DicomFile File)>();
            foreach (var path in Expand(arguments))
            {
                try
                {
                    files.Add((path, DicomFile.Open(path)));
                }
                catch (Exception ex) when (ex is DicomParseException or IOException or UnauthorizedAccessException)
                {
                    await FailAsync(path, $"not sent, unreadable: {NetworkArguments.OneLine(ex.Message)}");
                }
            }

            if (files.Count == 0)
            {
                await error.WriteLineAsync("xraytriage send: no DICOM files to send.");
                return InstanceFailedExitCode;
            }

            try
            {
                await SendAsync(files, cancellationToken);
            }
            catch (Exception ex) when (ex is DicomNetworkException or ArgumentException)
            {
                await error.WriteLineAsync($"xraytriage send: {_peer}: {NetworkArguments.OneLine(ex.Message)}");
                return AssociationFailedExitCode;
            }

            return _failed == 0 ? 0 : InstanceFailedExitCode;
        }

        private async Task SendAsync(List<(string Path, DicomFile File)> files, CancellationToken cancellationToken)
        {
            var started = TimeProvider.System.GetTimestamp();
            await using var scu = await DicomScu.ConnectAsync(
                options, DicomScu.ProposeContexts(files.Select(f => f.File)), null, cancellationToken);
            var stored = 0;
            for (var i = 0; i < files.Count; i++)
            {
                var (path, file) = files[i];
                if (!scu.IsEstablished)
                {
                    await FailAsync(path, "not sent, the association ended");
                    continue;
                }

                try
                {
                    var response = await scu.StoreAsync(file, cancellationToken);
                    if (response.Status.IsFailure)
                    {
                        await FailAsync(path, $"{response.Status}{(response.ErrorComment is { Length: > 0 } c ? $": {c}" : "")}");
                    }
                    else
                    {
                        stored++;
                        if (response.Status.IsWarning)
                        {
                            await output.WriteLineAsync($"{path}: stored with warning {response.Status}");
                        }
                    }
                }
                catch (DicomNetworkException ex)
                {
                    await FailAsync(path, NetworkArguments.OneLine(ex.Message));
                }

                if (files.Count > progressEvery && (i + 1) % progressEvery == 0)
                {
                    var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                    await output.WriteLineAsync($"Sent {i + 1}/{files.Count} ({(i + 1) / Math.Max(seconds, 0.001):F1} instances/s)");
                }
            }

            if (scu.IsEstablished)
            {
                await scu.ReleaseAsync(cancellationToken);
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            await output.WriteLineAsync(
                $"Stored {stored} of {files.Count} instances at {_peer} in {elapsed.TotalSeconds:F1} s; {_failed} failed.");
        }

        private async Task FailAsync(string path, string reason)
        {
            _failed++;
            await error.WriteLineAsync($"xraytriage send: {path}: {reason}");
        }

        private static IEnumerable<string> Expand(string[] arguments)
        {
            foreach (var argument in arguments)
            {
                if (Directory.Exists(argument))
                {
                    foreach (var file in Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        yield return file;
                    }
                }
                else
                {
                    yield return argument;
                }
            }
        }
    }
}
