using Microsoft.Extensions.Options;

namespace XrayTriage.Triage;

internal sealed class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        var failures = new List<string>();
        const string Section = TriageOptions.SectionName;
        if (options.Workers is < 1 or > 64)
        {
            failures.Add($"{Section}:{nameof(TriageOptions.Workers)} must be between 1 and 64 (got {options.Workers}).");
        }

        if (options.ClaimBatch is < 1 or > 256)
        {
            failures.Add($"{Section}:{nameof(TriageOptions.ClaimBatch)} must be between 1 and 256 (got {options.ClaimBatch}).");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Section}:{nameof(TriageOptions.MaxAttempts)} must be between 1 and 100 (got {options.MaxAttempts}).");
        }

        Between(failures, nameof(TriageOptions.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Between(failures, nameof(TriageOptions.LeaseTimeout), options.LeaseTimeout, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));
        Between(failures, nameof(TriageOptions.RetryBackoff), options.RetryBackoff, TimeSpan.Zero, TimeSpan.FromHours(1));
        Between(failures, nameof(TriageOptions.StudyQuietPeriod), options.StudyQuietPeriod, TimeSpan.Zero, TimeSpan.FromDays(1));
        Between(
            failures, nameof(TriageOptions.SettleInterval), options.SettleInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.PollInterval >= options.LeaseTimeout)
        {
            failures.Add($"{Section}:{nameof(TriageOptions.PollInterval)} ({options.PollInterval}) must be shorter than " +
                $"{Section}:{nameof(TriageOptions.LeaseTimeout)} ({options.LeaseTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{TriageOptions.SectionName}:{key} must be between {min} and {max} (got {value}).");
        }
    }
}
