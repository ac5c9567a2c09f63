using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Dicom;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>Real chest sources from ../shared/dicom-samples and requests built around them with fixed UIDs.</summary>
internal static class DocumentSamples
{
    public const string SrSeriesUid = "2.25.111111111111111111111111111111111111";
    public const string SrInstanceUid = "2.25.222222222222222222222222222222222222";
    public const string DeviceUid = "2.25.333333333333333333333333333333333333";
    public const string ScSeriesUid = "2.25.444444444444444444444444444444444444";
    public const string ScInstanceUid = "2.25.555555555555555555555555555555555555";
    public const string PredecessorUid = "2.25.666666666666666666666666666666666666";

    public static readonly DateTimeOffset ContentTime = new(2026, 11, 26, 7, 30, 15, 250, TimeSpan.Zero);

    public static string Chest(string name) => Path.Combine(RepositoryPaths.DicomSamples, "chest", name);

    public static string Edge(string name) => Path.Combine(RepositoryPaths.DicomSamples, "edge", name);

    /// <summary>ISO_IR 192, accession number, MONOCHROME1 JPEG baseline.</summary>
    public static string Utf8Chest => Chest("cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm");

    /// <summary>ISO_IR 100, Timezone Offset From UTC -0400, JPEG 2000.</summary>
    public static string Latin1Chest => Chest("cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm");

    /// <summary>No Specific Character Set, no accession number, implicit VR, 8-bit MONOCHROME2.</summary>
    public static string PlainChest => Chest("dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm");

    /// <summary>ISO 2022 IR 87 (Japanese) patient name.</summary>
    public static string JapaneseChest => Edge("charset_chrJapMulti_dclunie.dcm");

    public static AlgorithmIdentity Algorithm { get; } = new(
        "XrayTriage", "xraytriage-cxr", "0.1.0", "1.0.0", DeviceUid, "xraytriage-cxr", "XRAYTRIAGE");

    public static Dictionary<string, double> Thresholds { get; } = new(StringComparer.Ordinal)
    {
        [EnsembleLabels.Normal] = 0.5,
        [EnsembleLabels.Covid19] = 0.4,
        [EnsembleLabels.ViralPneumonia] = 0.4,
        [EnsembleLabels.LungOpacity] = 0.45,
    };

    public static TriagedImage CovidImage(DicomDataset source, string trackingUid = "2.25.777777777777777777777777777777777771") => new(
        source.GetString(DicomTags.SOPClassUID),
        source.GetString(DicomTags.SOPInstanceUID),
        source.GetString(DicomTags.SeriesInstanceUID),
        trackingUid,
        "image 1",
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [EnsembleLabels.Normal] = 0.0212,
            [EnsembleLabels.Covid19] = 0.9312,
            [EnsembleLabels.ViralPneumonia] = 0.0401,
            [EnsembleLabels.LungOpacity] = 0.0075,
        },
        [EnsembleLabels.Covid19],
        Thresholds,
        TriagePriority.Urgent)
    {
        OperatingPoint = "shipped on val (sensitivity>=0.95 on every validation source of the finding): covid19 >= 0.0616",
    };

    public static TriagedImage SkippedImage(string seriesUid) => new(
        "1.2.840.10008.5.1.4.1.1.1.1",
        "2.25.888888888888888888888888888888888888",
        seriesUid,
        "2.25.777777777777777777777777777777777772",
        "image 2",
        null,
        [],
        Thresholds,
        TriagePriority.NotAssessable);

    public static ReportDocumentRequest Request(
        DicomDataset source, SrSopClass sopClass = SrSopClass.Comprehensive3D, bool withPredecessor = false, bool withSkipped = false)
    {
        List<TriagedImage> images = [CovidImage(source)];
        if (withSkipped)
        {
            images.Add(SkippedImage("2.25.999999999999999999999999999999999999"));
        }

        return new ReportDocumentRequest(
            source, SrSeriesUid, SrInstanceUid, withPredecessor ? 2 : 1, 9900, ContentTime, Algorithm, TriagePriority.Urgent, images,
            sopClass,
            withPredecessor ? new ReportPredecessor(1, 1, PredecessorUid) : null);
    }

    public static DicomDataset Open(string path) => DicomFile.Open(path).Dataset;
}
