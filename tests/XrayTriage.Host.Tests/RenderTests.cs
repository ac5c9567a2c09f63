using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

public sealed class RenderTests
{
    private static string Sample(string name) => Path.Combine(RepositoryPaths.DicomSamples, name);

    [Theory]
    [InlineData(false, "440 440 L")]
    [InlineData(true, "224 224 L")]
    public async Task Render_ChestFilm_WritesAPngAndPrintsWindowAndEligibility(bool modelInput, string expectedImage)
    {
        var output = Path.Combine(Path.GetTempPath(), $"xraytriage-render-{Guid.NewGuid():N}.png");
        try
        {
            string[] arguments = ["render", Sample("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm"), "-o", output];
            var result = await XrayTriageExecutable.RunAsync(
                modelInput ? [.. arguments, "--model-input", $"--Models:Path={XrayTriageExecutable.ModelsPath}"] : arguments);

            result.EnsureSuccess("render");
            Assert.Contains("eligibility: eligible: CR CHEST, PA", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("window: file window #1: center 550, width 1024", result.StandardOutput, StringComparison.Ordinal);
            var png = await PeerTools.RunPythonAsync(
                "import sys; from PIL import Image; im = Image.open(sys.argv[1]); print(im.size[0], im.size[1], im.mode)", [output]);
            Assert.Equal(expectedImage, png.EnsureSuccess("PIL").StandardOutput.Trim());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Render_UnsupportedTransferSyntax_OneLineAndExitTwo()
    {
        var output = Path.Combine(Path.GetTempPath(), $"xraytriage-render-{Guid.NewGuid():N}.png");
        var result = await XrayTriageExecutable.RunAsync(
            ["render", Sample("other/sc_rgb_htj2k-lossy_pydicom-HTJ2K_08_RGB.dcm"), "-o", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not eligible", result.StandardOutput, StringComparison.Ordinal);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("xraytriage render:", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
