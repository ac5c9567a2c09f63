using System.CommandLine;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Host.Cli.Network;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage echo HOST PORT [--calling-ae AE] [--called-ae AE] [--tls …]</c>: C-ECHO (PS3.7 §9.1.5) to check
/// connectivity and AE titles. Exit 0 on success; 1 with the reason (rejection, refusal, timeout) otherwise.</summary>
internal static class EchoCommand
{
    public const int FailedExitCode = 1;

    public static Command Create()
    {
        var host = NetworkArguments.Host();
        var port = NetworkArguments.Port();
        var callingAe = NetworkArguments.CallingAe();
        var calledAe = NetworkArguments.CalledAe();
        var tls = new TlsArguments(listener: false);
        var command = new Command("echo", "Send a DICOM C-ECHO (verification) to a peer.") { host, port, callingAe, calledAe };
        tls.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            () => new DicomScuOptions
            {
                Host = parseResult.GetRequiredValue(host),
                Port = parseResult.GetRequiredValue(port),
                CallingAeTitle = parseResult.GetRequiredValue(callingAe),
                CalledAeTitle = parseResult.GetRequiredValue(calledAe),
                Tls = tls.Read(parseResult),
            },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Func<DicomScuOptions> readOptions, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DicomScuOptions options;
        try
        {
            options = readOptions();
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"xraytriage echo: {NetworkArguments.OneLine(ex.Message)}");
            return FailedExitCode;
        }

        var peer = NetworkArguments.Peer(options.CalledAeTitle, options.Host, options.Port);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await using var scu = await DicomScu.ConnectAsync(
                options, [new PresentationContextRequest(1, CEchoRequest.Verification, ["1.2.840.10008.1.2"])], null, cancellationToken);
            var status = await scu.EchoAsync(cancellationToken);
            await scu.ReleaseAsync(cancellationToken);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            if (!status.IsSuccess)
            {
                await error.WriteLineAsync($"xraytriage echo: {peer} answered {status}");
                return FailedExitCode;
            }

            await output.WriteLineAsync($"C-ECHO to {peer} as {options.CallingAeTitle}: {status} in {elapsed.TotalMilliseconds:F0} ms");
            return 0;
        }
        catch (DicomNetworkException ex)
        {
            await error.WriteLineAsync($"xraytriage echo: {peer}: {NetworkArguments.OneLine(ex.Message)}");
            return FailedExitCode;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"xraytriage echo: {NetworkArguments.OneLine(ex.Message)}");
            return FailedExitCode;
        }
    }
}
