namespace XrayTriage.Inference.Tests;

public sealed class InferenceOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new InferenceOptions();

        Assert.True(new InferenceOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("auto", options.ExecutionProvider);
        Assert.Equal(8, options.MaxBatch);
        Assert.Equal(5, options.MaxWaitMilliseconds);
    }

    [Fact]
    public void Validate_BadValues_NameEveryKey()
    {
        var options = new InferenceOptions
        {
            ExecutionProvider = "gpu", DeviceId = -1, IntraOpThreads = -2, MaxBatch = 0, MaxWaitMilliseconds = -5,
        };

        var result = new InferenceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains("Inference:ExecutionProvider must be auto, cuda or cpu (got 'gpu').", failures);
        Assert.Contains(failures, f => f.StartsWith("Inference:DeviceId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inference:IntraOpThreads", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inference:MaxBatch", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inference:MaxWaitMilliseconds", StringComparison.Ordinal));
    }
}
