using XrayTriage.Host.Cli;

return await XrayTriageCommandLine.InvokeAsync(args);
