using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Inference;
using XrayTriage.Web.Data;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Upload;

/// <summary>The paper's use case: one PNG, JPEG or DICOM file in, the ensemble's prediction and heatmap out, through
/// the same decoding (Imaging), preprocessing (<see cref="UploadInputs"/>) and micro-batched ensemble as received films.
/// The content gate decides first: a blank image or one it refuses gets not-assessable with the reason and no class.
/// Nothing is stored. The model sees the image at most <see cref="DisplayDownscale.ModelImageSide"/> on its long side
/// (decoded no larger than the codec must); the page shows it, and asks for the heatmap, at <c>Web:ImageMaxSide</c>.</summary>
internal sealed class UploadClassifier(EnsembleEngine engine, EnsembleBatcher batcher, UploadInputs inputs, IOptions<WebOptions> options)
{
    /// <summary>Pixel memory classifying <paramref name="content"/> will take, reckoned from its header (0 when it is
    /// neither a PNG, a JPEG nor a DICOM file with pixel geometry: it then fails before any pixel is decoded).</summary>
    public static long EstimateBytes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const long reduced = (long)DisplayDownscale.ModelImageSide * DisplayDownscale.ModelImageSide * 16;
        if (ModelImageFile.IsRaster(content))
        {
            return (RasterImage.DecodeBytes(content, DisplayDownscale.ModelImageSide) ?? 0) + reduced;
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var geometry = PixelGeometry.FromDataset(DicomFile.Open(stream).Dataset, ImagingLimits.Default);
            // Decoded samples, at worst an int per pixel on the general path, the 8-bit display image.
            return geometry.FrameBytes + (geometry.PixelCount * 5) + reduced;
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or InvalidDataException or EndOfStreamException)
        {
            return 0;
        }
    }

    public async Task<UploadResult> ClassifyAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (image, width, height, format, eligibility) = Decode(content);
        var shown = DisplayDownscale.Fit(image, options.Value.ImageMaxSide);
        var imagePng = DataUri(PngEncoder.Gray8(shown.Width, shown.Height, shown.Pixels));
        var modelVersion = $"{engine.Manifest.Name} {engine.Manifest.Version}";
        if (inputs.CheckBlank(image) is { } blank)
        {
            return NotAssessable(blank, format, (width, height), eligibility, modelVersion, imagePng);
        }

        var input = inputs.Build(image, false) with { Heatmap = new HeatmapSize(shown.Width, shown.Height) };
        var prediction = await batcher.PredictAsync(input, cancellationToken);
        if (NotAssessableVerdict.Of(prediction) is { } refused)
        {
            return NotAssessable(refused, format, (width, height), eligibility, modelVersion, imagePng);
        }

        var heatmap = prediction.Heatmap is { } map && map.Values.Length == shown.Width * shown.Height
            ? DataUri(PngEncoder.Rgba(shown.Width, shown.Height, HeatmapOverlay.Blend(shown, map.Values)))
            : null;
        var models = new List<(string, double[])> { ("ensemble", prediction.Probabilities) };
        models.AddRange(prediction.Members.Select(m => (m.Member, m.Probabilities)));
        return new UploadResult(format, width, height, eligibility?.ToString(), prediction.Priority.ToWireName(), prediction.PredictedLabel,
            prediction.Triage.FindingsOverThreshold, EnsembleLabels.All, models, modelVersion, imagePng, heatmap);
    }

    private static UploadResult NotAssessable(
        NotAssessableVerdict verdict,
        string format,
        (int Width, int Height) size,
        EligibilityDecision? eligibility,
        string modelVersion,
        string imagePng)
        => new(format, size.Width, size.Height, eligibility?.ToString(), TriagePriority.NotAssessable.ToWireName(), null, [],
            EnsembleLabels.All, [], modelVersion, imagePng, null)
        {
            NotAssessable = verdict.Describe(),
        };

    /// <summary>The image for the model and the size of the file's own.</summary>
    private static (DisplayImage Image, int Width, int Height, string Format, EligibilityDecision? Eligibility) Decode(byte[] content)
    {
        var file = ModelImageFile.Read(content, EligibilityOptions.Default, maxSide: DisplayDownscale.ModelImageSide);
        return (file.Image, file.SourceWidth, file.SourceHeight, file.Format, file.Eligibility);
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
