namespace XrayTriage.Host.Cli;

/// <summary>Which of the service's refusals <c>classify</c> overrides: the header rules (<c>--ignore-eligibility</c>)
/// and/or the content gate (<c>--ignore-content-gate</c>).</summary>
internal readonly record struct ClassifyBypass(bool Eligibility, bool ContentGate);
