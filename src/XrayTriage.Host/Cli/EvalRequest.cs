namespace XrayTriage.Host.Cli;

/// <summary>What <c>xraytriage eval</c> was asked for on its command line.</summary>
internal sealed record EvalRequest(string Folder, string? LabelsPath, string? JsonPath, bool IgnoreContentGate, string? ThresholdsPath);
