using System.CommandLine;

namespace XrayTriage.Host.Cli;

/// <summary>The verbs of the <c>xraytriage</c> executable. Any <c>--Section:Key=value</c> token after a
/// verb is passed on as configuration, like an environment variable <c>Section__Key</c>.</summary>
internal static class XrayTriageCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("XrayTriage: DICOM chest X-ray triage service.")
        {
            ServeCommand.Create(),
            MigrateCommand.Create(),
            OutboxCommand.Create(),
            DumpCommand.Create(),
            RenderCommand.Create(),
            ClassifyCommand.Create(),
            EvalCommand.Create(),
            CalibrateCommand.Create(),
            EchoCommand.Create(),
            SendCommand.Create(),
            ReceiveCommand.Create(),
            UserCommand.Create(),
            ModelsCommand.Create(),
            DemoCommand.Create(),
        };

        // The host's own lifetime (console, systemd, Windows SCM) handles SIGTERM and Ctrl-C and drains
        // in-flight work; System.CommandLine must not race it with its own termination timeout.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(invocation);
    }
}
