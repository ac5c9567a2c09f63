using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>The service's model input against the training recipe (<c>models/training/preprocess.py</c>, numpy and
/// Pillow) on files of the shared CXR set: every tensor value within 1/255 on the [0, 1] scale.</summary>
public sealed class TrainingRecipeAgreementTests
{
    /// <summary>The recipe's <c>default_spec</c>: ImageNet statistics, stretch, trim, 1st/99th percentiles.</summary>
    private static ModelInputSpec RecipeSpec(int size) =>
        ModelInputSpec.ImageNet224 with { Width = size, Height = size, TrimBorders = true, ContrastPercentiles = (0.01, 0.99) };

    [Theory]
    [InlineData(224)]
    [InlineData(320)]
    public async Task Build_SharedSamples_AgreesWithPythonRecipe(int size)
    {
        var paths = RasterImageTests.SampleFiles.Select(f => Path.Combine(RepositoryPaths.CxrData, f)).ToList();
        var spec = RecipeSpec(size);
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "models", "training", "preprocess.py"));
        var output = Path.GetTempFileName();
        try
        {
            var result = await PeerTools.RunPythonAsync(
                script, [size.ToString(System.Globalization.CultureInfo.InvariantCulture), output, .. paths], TimeSpan.FromMinutes(2));
            result.EnsureSuccess("models/training/preprocess.py");
            var theirs = await File.ReadAllBytesAsync(output);
            var tensorLength = spec.Channels * size * size;
            Assert.Equal(paths.Count * tensorLength * sizeof(float), theirs.Length);

            for (var i = 0; i < paths.Count; i++)
            {
                var ours = ModelInputBuilder.Build(RasterImage.Load(paths[i]), spec);
                var expected = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(
                    theirs.AsSpan(i * tensorLength * sizeof(float), tensorLength * sizeof(float)));
                var worst = 0.0;
                for (var k = 0; k < tensorLength; k++)
                {
                    // Back on the [0, 1] scale: v / 255 = t · std + mean.
                    worst = Math.Max(worst, Math.Abs(ours[k] - expected[k]) * spec.Std[k / (size * size)]);
                }

                Assert.True(worst <= 1.0 / 255, $"{paths[i]} at {size}: max difference {worst * 255:F3} / 255");
            }
        }
        finally
        {
            File.Delete(output);
        }
    }
}
