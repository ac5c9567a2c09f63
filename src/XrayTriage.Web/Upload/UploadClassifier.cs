using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Inference;
using XrayTriage.Web.Data;

namespace XrayTriage.Web.Upload;

/// <summary>The paper's use case: one PNG, JPEG or DICOM file in, the ensemble's prediction and heatmap out, through
/// the same decoding (Imaging), preprocessing (<see cref="UploadInputs"/>) and micro-batched ensemble as received films.
/// The content gate decides first: a blank image or one it refuses gets not-assessable with the reason and no class.
/// Nothing is stored.</summary>
internal sealed class UploadClassifier(EnsembleEngine engine, EnsembleBatcher batcher, UploadInputs inputs)
{
    public async Task<UploadResult> ClassifyAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (image, format, eligibility) = Decode(content);
        var imagePng = DataUri(PngEncoder.Gray8(image.Width, image.Height, image.Pixels));
        var modelVersion = $"{engine.Manifest.Name} {engine.Manifest.Version}";
        if (inputs.CheckBlank(image) is { } blank)
        {
            return NotAssessable(blank, format, image, eligibility, modelVersion, imagePng);
        }

        var prediction = await batcher.PredictAsync(inputs.Build(image, true), cancellationToken);
        if (NotAssessableVerdict.Of(prediction) is { } refused)
        {
            return NotAssessable(refused, format, image, eligibility, modelVersion, imagePng);
        }

        var heatmap = prediction.Heatmap is { } map && map.Values.Length == image.Width * image.Height
            ? DataUri(PngEncoder.Rgba(image.Width, image.Height, HeatmapOverlay.Blend(image, map.Values)))
            : null;
        var models = new List<(string, double[])> { ("ensemble", prediction.Probabilities) };
        models.AddRange(prediction.Members.Select(m => (m.Member, m.Probabilities)));
        return new UploadResult(format, image.Width, image.Height, eligibility?.ToString(), prediction.Priority.ToWireName(), prediction.PredictedLabel,
            prediction.Triage.FindingsOverThreshold, EnsembleLabels.All, models, modelVersion, imagePng, heatmap);
    }

    private static UploadResult NotAssessable(
        NotAssessableVerdict verdict, string format, DisplayImage image, EligibilityDecision? eligibility, string modelVersion, string imagePng)
        => new(format, image.Width, image.Height, eligibility?.ToString(), TriagePriority.NotAssessable.ToWireName(), null, [],
            EnsembleLabels.All, [], modelVersion, imagePng, null)
        {
            NotAssessable = verdict.Describe(),
        };

    private static (DisplayImage Image, string Format, EligibilityDecision? Eligibility) Decode(byte[] content)
    {
        if (IsPng(content) || IsJpeg(content))
        {
            return (RasterImage.Decode(content), IsPng(content) ? "PNG" : "JPEG", null);
        }

        using var stream = new MemoryStream(content, writable: false);
        var dicom = DicomFile.Open(stream);
        return (MonochromeImage.Render(dicom), "DICOM", EligibilityRules.Evaluate(dicom.Dataset, EligibilityOptions.Default));
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static bool IsPng(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsJpeg(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
}
