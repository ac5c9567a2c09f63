using XrayTriage.Imaging;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Preprocessing;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Inference;

namespace XrayTriage.Triage;

/// <summary>From a display image to the ensemble's input: one tensor per member, each built by
/// <see cref="ModelInputBuilder"/> with the preprocessing its manifest entry names (the training recipe's
/// <c>preprocess.py</c> implements the same steps). The one place the service turns an image into tensors, so the
/// worker, <c>classify</c> and <c>render --model-input</c> feed the model identically.</summary>
public sealed class ModelInputs
{
    private readonly ModelInputSpec[] _specs;
    private readonly ContentGateManifest? _gate;

    public ModelInputs(EnsembleEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _specs = [.. engine.MemberInputs.Select(ToSpec)];
        _gate = engine.ContentGate;
        RenderOptions = new RenderOptions { MinimumShortSide = MinimumShortSideFor(_specs) };
    }

    /// <summary>How a DICOM frame is rendered for the model: a compressed frame may be decoded at a lower resolution
    /// (JPEG 2000 levels, JPEG DCT scaling) as long as its short side keeps four times the largest member input side, so
    /// the resize to the input still averages at least 4 × 4 source pixels into each input pixel (with 2 × 2 one
    /// chest sample moved by 0.11; with 4 × 4 every sample stays within 0.035 of the full-resolution result).</summary>
    public RenderOptions RenderOptions { get; }

    /// <summary>Each member's preprocessing, in manifest order.</summary>
    public IReadOnlyList<ModelInputSpec> Specs => _specs;

    /// <summary>The member tensors for <paramref name="image"/>; with <paramref name="heatmap"/>, a heatmap of the image's
    /// size is asked for.</summary>
    public EnsembleInput Build(DisplayImage image, bool heatmap = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(
            [.. _specs.Select(spec => ModelInputBuilder.Build(image, spec))],
            heatmap ? new HeatmapSize(image.Width, image.Height) : null);
    }

    /// <summary>The content gate's check before the model: <c>BlankImage</c> when the 8-bit
    /// gray plane's percentile range (<see cref="GrayRange"/>) is below the manifest's minimum; null when the image
    /// is not blank or the manifest has no content gate.</summary>
    public NotAssessableVerdict? CheckBlank(DisplayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _gate is { Blank.Percentiles: [var low, var high] }
            ? NotAssessableVerdict.Blank(_gate, GrayRange.Of(image, low, high))
            : null;
    }

    /// <summary>Four times the largest side any member's input has.</summary>
    public static int MinimumShortSideFor(IEnumerable<ModelInputSpec> specs)
        => 4 * specs.Select(s => Math.Max(s.Width, s.Height)).DefaultIfEmpty(0).Max();

    /// <summary>The imaging pipeline's spec for a member's manifest input contract; an unknown resize or channel
    /// handling is an <see cref="InferenceException"/> naming the member.</summary>
    public static ModelInputSpec ToSpec(MemberInputManifest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resize = input.Resize switch
        {
            "stretch" => ResizeMode.Stretch,
            "pad" => ResizeMode.Pad,
            _ => throw new InferenceException($"Member input '{input.Name}': resize \"{input.Resize}\" is not stretch or pad."),
        };
        if (input.ChannelHandling != MemberInputManifest.ReplicateGrayscale)
        {
            throw new InferenceException(
                $"Member input '{input.Name}': channel handling \"{input.ChannelHandling}\" is not " +
                $"{MemberInputManifest.ReplicateGrayscale}.");
        }

        return new ModelInputSpec(input.Width, input.Height, input.Channels, [.. input.Mean], [.. input.Std], resize)
        {
            TrimBorders = input.TrimBorders ?? false,
            ContrastPercentiles = input.ContrastPercentiles is [var low, var high] ? (low, high) : null,
        };
    }
}
