using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Host.Cli.Network;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage receive --port P [--ae-title AE] --output DIR [--tls --tls-cert C [--tls-key K] [--tls-ca CA]]</c>:
/// a storage SCP (PS3.4 Annex B) that writes each instance as a Part 10 file (temporary file, then rename) until Ctrl-C
/// or SIGTERM, then finishes in-flight associations for up to ten seconds. Admins use it as a test PACS; the tests use it
/// too.</summary>
internal static class ReceiveCommand
{
    public const int FailedExitCode = 1;
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "The TCP port to listen on.", Required = true };
        var aeTitle = new Option<string>("--ae-title", "-aet")
        {
            Description = "Our AE title.",
            DefaultValueFactory = _ => NetworkArguments.DefaultCallingAeTitle,
        };
        var output = new Option<string>("--output", "-o") { Description = "Folder for received files.", Required = true };
        var bind = new Option<string>("--bind")
        {
            Description = "Address to listen on (0.0.0.0 for every interface).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print a line per received instance." };
        var tls = new TlsArguments(listener: true);
        var command = new Command("receive", "Run a DICOM storage SCP writing received instances as Part 10 files.")
        {
            port, aeTitle, output, bind, quiet,
        };
        tls.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            () => tls.Read(parseResult),
            parseResult.GetRequiredValue(port),
            parseResult.GetRequiredValue(aeTitle),
            parseResult.GetRequiredValue(output),
            parseResult.GetRequiredValue(bind),
            parseResult.GetValue(quiet),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Func<DicomTlsOptions?> readTls,
        int port,
        string aeTitle,
        string folder,
        string bind,
        bool quiet,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(bind, out var address))
        {
            await error.WriteLineAsync($"xraytriage receive: --bind {bind} is not an IP address.");
            return FailedExitCode;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var handler = new Part10FileStoreHandler(folder);
        var stored = 0;
        handler.Stored += (_, path) =>
        {
            Interlocked.Increment(ref stored);
            if (!quiet)
            {
                output.WriteLine($"Stored {Path.GetFileName(path)}");
            }
        };
        try
        {
            var options = new DicomScpOptions
            {
                AeTitle = aeTitle,
                BindAddress = address,
                Port = port,
                AcceptedSopClasses = StorageSopClasses.All,
                TransferSyntaxes = AcceptedTransferSyntaxes(),
                Tls = readTls(),
            };
            await using var scp = new DicomScp(options, handler);
            scp.AssociationEnded += (_, e) =>
            {
                if (e.Outcome is not null)
                {
                    error.WriteLine($"xraytriage receive: association from {e.RemoteEndPoint}: {NetworkArguments.OneLine(e.Outcome)}");
                }
            };
            scp.Start();
            var secured = options.Tls is null ? "" : options.Tls.RequireClientCertificate ? " with mutual TLS" : " with TLS";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Listening as {aeTitle} on {scp.LocalEndPoint}{secured}, writing to {Path.GetFullPath(folder)}"));
            await output.FlushAsync(CancellationToken.None);
            await WaitAsync(stop.Token);
            await output.WriteLineAsync("Stopping: refusing new associations, finishing in-flight ones.");
            using var grace = new CancellationTokenSource(GracePeriod);
            await scp.StopAsync(grace.Token);
        }
        catch (Exception ex) when (ex is DicomNetworkException or ArgumentException)
        {
            await error.WriteLineAsync($"xraytriage receive: {NetworkArguments.OneLine(ex.Message)}");
            return FailedExitCode;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Stopped after storing {Volatile.Read(ref stored)} instances."));
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Uncompressed little endian first, then every other known transfer syntax, so that compressed
    /// instances are stored as sent.</summary>
    private static string[] AcceptedTransferSyntaxes()
    {
        string[] preferred = [TransferSyntax.ExplicitVRLittleEndian.Uid.Value, TransferSyntax.ImplicitVRLittleEndian.Uid.Value];
        return [.. preferred, .. TransferSyntax.All.Where(t => !t.IsUnknown && !preferred.Contains(t.Uid.Value)).Select(t => t.Uid.Value)];
    }
}
