namespace XrayTriage.Triage.Tests;

public sealed class TriageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
        => Assert.True(new TriageOptionsValidator().Validate(null, new TriageOptions()).Succeeded);

    [Theory]
    [InlineData("Workers")]
    [InlineData("ClaimBatch")]
    [InlineData("MaxAttempts")]
    [InlineData("PollInterval")]
    [InlineData("LeaseTimeout")]
    [InlineData("SettleInterval")]
    public void Validate_OutOfRange_NamesTheKey(string key)
    {
        var options = new TriageOptions();
        switch (key)
        {
            case "Workers": options.Workers = 0; break;
            case "ClaimBatch": options.ClaimBatch = 0; break;
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "PollInterval": options.PollInterval = TimeSpan.Zero; break;
            case "LeaseTimeout": options.LeaseTimeout = TimeSpan.FromSeconds(1); break;
            case "SettleInterval": options.SettleInterval = TimeSpan.Zero; break;
        }

        var result = new TriageOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains($"Triage:{key}", result.FailureMessage, StringComparison.Ordinal);
    }
}
