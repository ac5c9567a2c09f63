using Microsoft.Extensions.Options;

namespace XrayTriage.Reporting.Delivery;

internal sealed class ReportingOptionsValidator : IValidateOptions<ReportingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.SrSopClass))
        {
            failures.Add($"{ReportingOptions.SectionName}:{nameof(ReportingOptions.SrSopClass)} "
                + $"must be Comprehensive3D, Comprehensive or Enhanced (got {options.SrSopClass}).");
        }

        Range(failures, nameof(ReportingOptions.HeatmapMaxSide), options.HeatmapMaxSide, 256, 4096);
        Range(failures, nameof(ReportingOptions.ImmediateRetries), options.ImmediateRetries, 0, 10);
        Range(failures, nameof(ReportingOptions.MaxAttempts), options.MaxAttempts, 1, 1000);
        Range(failures, nameof(ReportingOptions.BreakerFailures), options.BreakerFailures, 2, 1000);
        Between(
            failures, nameof(ReportingOptions.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        Between(failures, nameof(ReportingOptions.ClaimLease), options.ClaimLease, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));
        Between(failures, nameof(ReportingOptions.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Between(
            failures, nameof(ReportingOptions.ImmediateRetryDelay), options.ImmediateRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Between(failures, nameof(ReportingOptions.RetryDelay), options.RetryDelay, TimeSpan.Zero, TimeSpan.FromHours(24));
        Between(failures, nameof(ReportingOptions.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromDays(7));
        Between(
            failures, nameof(ReportingOptions.BreakDuration), options.BreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Between(failures, nameof(ReportingOptions.SpoolRetention), options.SpoolRetention, TimeSpan.Zero, TimeSpan.FromDays(3650));
        Between(failures, nameof(ReportingOptions.PurgeInterval), options.PurgeInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));

        // The claim must outlive a whole claim's work (quick retries included) or another process takes it over mid-send.
        var claimWork = options.AttemptTimeout * (options.ImmediateRetries + 1);
        if (options.ClaimLease <= claimWork)
        {
            failures.Add($"{ReportingOptions.SectionName}:{nameof(ReportingOptions.ClaimLease)} ({options.ClaimLease}) "
                + $"must be longer than AttemptTimeout × (ImmediateRetries + 1) ({claimWork}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{ReportingOptions.SectionName}:{key} must be between {min} and {max} (got {value}).");
        }
    }

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{ReportingOptions.SectionName}:{key} must be between {min} and {max} (got {value}).");
        }
    }
}
