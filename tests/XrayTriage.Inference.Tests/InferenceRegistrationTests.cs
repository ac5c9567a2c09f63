using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace XrayTriage.Inference.Tests;

public sealed class InferenceRegistrationTests
{
    [Fact]
    public async Task AddInference_ValidSettings_LoadsTheEnsembleFromTheModelsFolder()
    {
        using var ensemble = await TestEnsemble.CreateAsync(new MemberSpec("a"));
        ensemble.WriteManifest();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = ["--Inference:ExecutionProvider=cpu", "--Inference:MaxBatch=3", "--Inference:IntraOpThreads=1"],
        });
        builder.AddInference(_ => ensemble.Folder);

        using var host = builder.Build();
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var engine = services.GetRequiredService<EnsembleEngine>();
        var batcher = services.GetRequiredService<EnsembleBatcher>();

        Assert.Equal(3, options.MaxBatch);
        Assert.Equal("CPU", engine.ActiveProvider);
        var prediction = await batcher.PredictAsync(new EnsembleInput([new float[768]]), CancellationToken.None);
        Assert.Equal(4, prediction.Probabilities.Length);
    }

    [Theory]
    [InlineData("--Inference:ExecutionProvider=gpu", "Inference:ExecutionProvider must be auto, cuda or cpu (got 'gpu').")]
    [InlineData("--Inference:MaxBatch=0", "Inference:MaxBatch must be between 1 and 256 (got 0).")]
    public void AddInference_InvalidSetting_StopsStartNamingTheKey(string argument, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [argument] });
        builder.AddInference(_ => "unused");
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains(expected, error.Failures);
    }

    [Fact]
    public void AddInference_SettingThatIsNotANumber_StopsStartNamingTheKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { Args = ["--Inference:MaxWaitMilliseconds=soon"] });
        builder.AddInference(_ => "unused");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains("'soon'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Inference:MaxWaitMilliseconds", error.Message, StringComparison.Ordinal);
    }
}
