using Microsoft.Extensions.Options;

namespace XrayTriage.Host.Options;

internal sealed class DicomOptionsValidator : IValidateOptions<DicomOptions>
{
    public ValidateOptionsResult Validate(string? name, DicomOptions options)
    {
        var failures = new List<string>();
        if (AeTitleRules.Check(options.AeTitle) is { } aeProblem)
        {
            failures.Add($"{DicomOptions.SectionName}:{nameof(DicomOptions.AeTitle)} {aeProblem}");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{DicomOptions.SectionName}:{nameof(DicomOptions.Port)} must be between 1 and 65535 (got {options.Port}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
