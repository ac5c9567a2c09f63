using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Reporting.Documents;

/// <summary>One heatmap Secondary Capture: the film, its class activation map and the result text, with the UIDs the
/// caller keeps stable across resends.</summary>
/// <param name="Source">The source image's data set (header is enough): patient/study copied, referenced as source image.</param>
/// <param name="Image">The source rendered for display (MonochromeImage.Render).</param>
/// <param name="Heatmap">The class activation map as the inference run stored it (low resolution).</param>
/// <param name="TextLines">Result lines burned in under the fixed "AI triage — not for diagnosis" line (see
/// <see cref="HeatmapCaption"/>).</param>
/// <param name="SeriesInstanceUid">The capture's (new) series.</param>
/// <param name="SopInstanceUid">The capture's SOP Instance UID.</param>
/// <param name="SeriesNumber">Series Number.</param>
/// <param name="InstanceNumber">Instance Number.</param>
/// <param name="ContentDateTime">Content Date/Time (in the source's time zone when it declares one).</param>
/// <param name="Algorithm">Manufacturer, model and versions of the algorithm (Secondary Capture Device attributes).</param>
internal sealed record HeatmapCaptureRequest(
    DicomDataset Source,
    DisplayImage Image,
    InferenceHeatmap Heatmap,
    IReadOnlyList<string> TextLines,
    string SeriesInstanceUid,
    string SopInstanceUid,
    int SeriesNumber,
    int InstanceNumber,
    DateTimeOffset ContentDateTime,
    AlgorithmIdentity Algorithm)
{
    /// <summary>Longest side of the capture in pixels; a larger film is area-averaged down to it.</summary>
    public int MaxLongSide { get; init; } = HeatmapSecondaryCaptureBuilder.DefaultMaxLongSide;
}
