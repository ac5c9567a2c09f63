using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Host.Inference;

/// <summary>An image ready for the model: the 8-bit display image and, for DICOM, the eligibility decision.</summary>
internal sealed record ModelImage(DisplayImage Image, string Format, EligibilityDecision? Eligibility)
{
    /// <summary>PNG and JPEG (by signature) go through <see cref="RasterImage"/>; anything else is read as DICOM and
    /// windowed by <see cref="MonochromeImage"/> — the same grayscale plane either way, then the same tensor code.
    /// <paramref name="render"/> is the model's (<c>ModelInputs.RenderOptions</c>, as the service renders), or null for
    /// the full-resolution film (heatmap overlays).</summary>
    public static ModelImage Load(string path, EligibilityOptions eligibility, RenderOptions? render)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (IsPng(head[..read]) || IsJpeg(head[..read]))
        {
            return new ModelImage(RasterImage.Load(path), IsPng(head[..read]) ? "PNG" : "JPEG", null);
        }

        var dicom = DicomFile.Open(path);
        var decision = EligibilityRules.Evaluate(dicom.Dataset, eligibility);
        return new ModelImage(MonochromeImage.Render(dicom, render), "DICOM", decision);
    }

    private static bool IsPng(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsJpeg(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
}
