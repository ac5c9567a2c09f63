using BenchmarkDotNet.Attributes;
using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Benchmarks;

/// <summary>Per file: read, decode, window to 8 bits, and resize/normalize to the 224 × 224 model input — the
/// per-image work of the triage worker before inference: at full resolution (as for display), and as the worker does
/// it, decoding compressed frames at a lower resolution that keeps 896 px (4 × 224) on the short side.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RenderBenchmarks
{
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    public static IEnumerable<string> Files => BenchmarkFiles.All();

    [GlobalSetup]
    public void Setup()
    {
        if (File == BenchmarkFiles.SyntheticCr && !System.IO.File.Exists(File))
        {
            SyntheticCr.Write(File);
        }
    }

    private static readonly Grayscale.RenderOptions ForModel = new() { MinimumShortSide = 4 * 224 };

    [Benchmark]
    public float DecodeWindowResizeForModel()
    {
        var image = MonochromeImage.Render(DicomFile.Open(File), ForModel);
        var tensor = ModelInputBuilder.Build(image, ModelInputSpec.ImageNet224);
        return tensor[0];
    }

    [Benchmark]
    public float DecodeWindowResize()
    {
        var image = MonochromeImage.Render(DicomFile.Open(File));
        var tensor = ModelInputBuilder.Build(image, ModelInputSpec.ImageNet224);
        return tensor[0];
    }
}
