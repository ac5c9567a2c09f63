using Microsoft.Extensions.Options;

namespace XrayTriage.Inference;

internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        const string Section = InferenceOptions.SectionName;
        if (!ExecutionProviders.IsKnown(options.ExecutionProvider))
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.ExecutionProvider)} "
                + $"must be auto, cuda or cpu (got '{options.ExecutionProvider}').");
        }

        if (options.DeviceId is < 0 or > 255)
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.DeviceId)} must be between 0 and 255 (got {options.DeviceId}).");
        }

        if (options.IntraOpThreads is < 0 or > 1024)
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.IntraOpThreads)} "
                + $"must be between 0 (default) and 1024 (got {options.IntraOpThreads}).");
        }

        if (options.InterOpThreads is < 0 or > 1024)
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.InterOpThreads)} "
                + $"must be between 0 (default) and 1024 (got {options.InterOpThreads}).");
        }

        if (options.MaxBatch is < 1 or > 256)
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.MaxBatch)} must be between 1 and 256 (got {options.MaxBatch}).");
        }

        if (options.MaxWaitMilliseconds is < 0 or > 10_000)
        {
            failures.Add($"{Section}:{nameof(InferenceOptions.MaxWaitMilliseconds)} "
                + $"must be between 0 and 10000 (got {options.MaxWaitMilliseconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
