using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Dicom;
using XrayTriage.Reporting.Documents;

namespace XrayTriage.Reporting.Delivery;

internal sealed partial class ReportPackageBuilder
{
    /// <summary>One heatmap Secondary Capture per triaged image that still has its spool file and a stored heatmap. Its
    /// SOP Instance UID belongs to the image, not to the report version, so a later version resends the same object
    /// (the PACS keeps one) instead of piling up copies.</summary>
    private static List<DicomFile> BuildCaptures(ReportContent content, TriagedImage[] images, AlgorithmIdentity algorithm, int maxLongSide)
    {
        var captures = new List<DicomFile>();
        for (var i = 0; i < content.Images.Count; i++)
        {
            var image = content.Images[i];
            if (image.Run?.Heatmap is not { } heatmap || !IsSpooled(image))
            {
                continue;
            }

            var source = DicomFile.Open(image.SpoolPath);
            captures.Add(new DicomFile(HeatmapSecondaryCaptureBuilder.Build(
                source,
                heatmap,
                HeatmapCaption.Lines(images[i], content.Priority, algorithm),
                content.ScSeriesInstanceUid,
                image.ScSopInstanceUid,
                CaptureSeriesNumber,
                i + 1,
                content.CreatedAt,
                algorithm,
                maxLongSide)));
        }

        return captures;
    }
}
