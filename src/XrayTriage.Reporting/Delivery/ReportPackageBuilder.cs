using System.Reflection;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Persistence;
using XrayTriage.Reporting.Documents;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Builds the objects of one report version from the database (findings, UIDs) and the spool (the source
/// images' patient/study attributes and pixels). Deterministic: the same report gives the same objects for every
/// destination and every attempt.</summary>
internal sealed partial class ReportPackageBuilder(
    ReportOutboxStore outbox, DestinationCatalog catalog, IOptions<ReportingOptions> options)
{
    public const int SrSeriesNumber = 9900;
    public const int CaptureSeriesNumber = 9901;

    private static readonly string ApplicationVersion =
        typeof(ReportPackageBuilder).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <exception cref="DeliveryException">The report or every spooled source image is gone (permanent).</exception>
    public async Task<ReportPackage> BuildAsync(long reportId, CancellationToken cancellationToken)
    {
        var content = await outbox.GetContentAsync(reportId, cancellationToken)
            ?? throw new DeliveryException($"report {reportId} no longer exists in the database", isTransient: false);
        var settings = options.Value;
        var sourceImage = content.Images.FirstOrDefault(i => i.Run is not null && IsSpooled(i))
            ?? content.Images.FirstOrDefault(IsSpooled)
            ?? throw new DeliveryException(
                $"report {reportId}: none of the study's {content.Images.Count} source image(s) is in the spool any more "
                + "(purged or lost), so the report cannot be built",
                isTransient: false);
        var source = DicomFile.Open(sourceImage.SpoolPath, new DicomReaderOptions { StopBeforePixelData = true }).Dataset;
        var run = content.Images.Select(i => i.Run).FirstOrDefault(r => r is not null);
        var algorithm = Identity(run);
        TriagedImage[] images = [.. content.Images.Select((image, index) => ToTriagedImage(image, index))];
        var request = new ReportDocumentRequest(
            source,
            content.SrSeriesInstanceUid,
            content.SrSopInstanceUid,
            content.Version,
            SrSeriesNumber,
            content.CreatedAt,
            algorithm,
            content.Priority,
            images,
            settings.SrSopClass,
            content.Predecessor);
        var report = new DicomFile(TriageSrBuilder.Build(request));
        var captures = settings.Heatmap ? BuildCaptures(content, images, algorithm, settings.HeatmapMaxSide) : [];
        return new ReportPackage(content.ReportId, content.StudyId, content.Version, content.CreatedAt, report, captures);
    }

    // A study whose images were all skipped still gets a report saying so; its device is then the service itself.
    private AlgorithmIdentity Identity(ReportRun? run) => new(
        Manufacturer: "XrayTriage",
        ModelName: run?.ManifestName ?? "xraytriage",
        ApplicationVersion: ApplicationVersion,
        ModelVersion: run?.ManifestVersion ?? "none",
        DeviceUid: run?.DeviceUid ?? NetworkIdentity.ImplementationClassUid,
        AlgorithmName: run?.ManifestName ?? "xraytriage",
        DeviceObserverName: catalog.CallingAeTitle);

    private static TriagedImage ToTriagedImage(ReportImage image, int index)
    {
        var run = image.Run;
        return new TriagedImage(
            image.SopClassUid,
            image.SopInstanceUid,
            image.SeriesInstanceUid,
            image.TrackingUid,
            $"image {index + 1}",
            run?.Probabilities
                .Where(p => p.Model == FindingProbability.EnsembleModel)
                .ToDictionary(p => p.Label, p => p.Probability, StringComparer.Ordinal),
            run?.FindingsOverThreshold ?? [],
            run?.Thresholds ?? new Dictionary<string, double>(),
            run?.Priority ?? TriagePriority.NotAssessable)
        {
            NotAssessableReason = run?.NotAssessableReason is { } reason
                ? TriageSummary.NotAssessableText(reason, run.ContentGateScore, run.ContentGateThreshold)
                : null,
            OperatingPoint = run?.OperatingPoint,
        };
    }

    private static bool IsSpooled(ReportImage image) => !image.SpoolPurged && File.Exists(image.SpoolPath);
}
