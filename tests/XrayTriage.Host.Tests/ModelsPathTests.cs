using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>issue 19 item 3: the built executable of a checkout finds the checkout's <c>models/</c> (the folder next to
/// the executable, the installed service's rule, still comes first: see the Deploy tests).</summary>
public sealed class ModelsPathTests
{
    private static readonly string Film =
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");

    [Fact]
    public async Task Classify_CheckoutBuildWithoutModelsPath_UsesTheCheckoutModels()
    {
        var result = await XrayTriageExecutable.RunAsync(["classify", Film], timeout: TimeSpan.FromMinutes(5));

        result.EnsureSuccess("classify from the checkout build, no Models:Path");
        Assert.Matches(@"CR-MONO1-10-chest\.dcm \([^)]*\): \w+ [01]\.\d{3}, priority (urgent|routine)", result.StandardOutput);
    }

    [Fact]
    public async Task Classify_RelativeModelsPathMissingEverywhere_NamesTheFolderNextToTheExecutable()
    {
        var result = await XrayTriageExecutable.RunAsync(
            ["classify", Film, "--Models:Path=no-such-models"],
            timeout: TimeSpan.FromMinutes(5));

        Assert.Equal(2, result.ExitCode);
        var expected = Path.Combine(Path.GetDirectoryName(XrayTriageExecutable.DllPath)!, "no-such-models");
        Assert.Contains($"Models:Path names a folder that does not exist: {expected}", result.StandardError, StringComparison.Ordinal);
    }
}
