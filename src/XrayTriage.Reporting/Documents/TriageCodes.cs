using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Documents;

/// <summary>Every code the triage SR writes. Sources and the reasons for each choice: src/XrayTriage.Reporting/README.md
/// ("SR content and codes").</summary>
internal static class TriageCodes
{
    /// <summary>Private coding scheme for the triage priority and the summary, declared in Coding Scheme Identification Sequence.</summary>
    public const string PrivateScheme = "99XRAYTRIAGE";

    /// <summary>IHE AI Results' own scheme for the Contributing Equipment purpose "Processing Algorithm".</summary>
    public const string IheScheme = "99IHE";

    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly CodedConcept EnglishUnitedStates = new("en-US", "RFC5646", "English, United States");
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly CodedConcept PlainChestXray = new("399208008", "SCT", "Plain chest X-ray");
    public static readonly CodedConcept ImageLibrary = new("111028", "DCM", "Image Library");
    public static readonly CodedConcept ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly CodedConcept QualitativeEvaluations = new("C0034375", "UMLS", "Qualitative Evaluations");
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly CodedConcept TrackingUid = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    public static readonly CodedConcept Finding = new("121071", "DCM", "Finding");
    public static readonly CodedConcept SourceOfMeasurement = new("121112", "DCM", "Source of Measurement");
    public static readonly CodedConcept CertaintyOfFinding = new("111012", "DCM", "Certainty of Finding");
    public static readonly CodedConcept Percent = new("%", "UCUM", "percent");
    public static readonly CodedConcept ProcessingAlgorithm = new("Newcode1", IheScheme, "Processing Algorithm");

    public static readonly CodedConcept Normal = new("17621005", "SCT", "Normal");
    public static readonly CodedConcept Covid19 = new("840539006", "SCT", "COVID-19");
    public static readonly CodedConcept ViralPneumonia = new("75570004", "SCT", "Viral pneumonia");
    public static readonly CodedConcept LungOpacity = new("263930000", "SCT", "Opacity of lung");

    public static readonly CodedConcept Priority = new("PRIORITY", PrivateScheme, "AI triage priority");
    public static readonly CodedConcept Urgent = new("URGENT", PrivateScheme, "Urgent");
    public static readonly CodedConcept Routine = new("ROUTINE", PrivateScheme, "Routine");
    public static readonly CodedConcept NotAssessable = new("NOT_ASSESSABLE", PrivateScheme, "Not assessable");
    public static readonly CodedConcept TriageSummary = new("SUMMARY", PrivateScheme, "AI triage summary");
    public static readonly CodedConcept NotAssessableReason = new("NOT_ASSESSABLE_REASON", PrivateScheme, "Reason not assessable");
    public static readonly CodedConcept OperatingPoint = new("OPERATING_POINT", PrivateScheme, "AI triage operating point");

    /// <summary>The finding code of an ensemble label.</summary>
    /// <exception cref="ArgumentException">The label is not one of <see cref="EnsembleLabels.All"/>.</exception>
    public static CodedConcept ForLabel(string label) => label switch
    {
        EnsembleLabels.Normal => Normal,
        EnsembleLabels.Covid19 => Covid19,
        EnsembleLabels.ViralPneumonia => ViralPneumonia,
        EnsembleLabels.LungOpacity => LungOpacity,
        _ => throw new ArgumentException($"Unknown triage label '{label}'.", nameof(label)),
    };

    public static CodedConcept ForPriority(TriagePriority priority) => priority switch
    {
        TriagePriority.Urgent => Urgent,
        TriagePriority.Routine => Routine,
        _ => NotAssessable,
    };
}
