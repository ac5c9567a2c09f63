using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using static XrayTriage.Reporting.Documents.SrContentItems;

namespace XrayTriage.Reporting.Documents;

/// <summary>The TID 1500 content tree of the triage report (drawn in src/XrayTriage.Reporting/README.md).</summary>
internal static class TriageSrContent
{
    /// <summary>The root's children; the root CONTAINER itself is the top-level data set (SR Document Content module).</summary>
    public static List<DicomDataset> RootChildren(ReportDocumentRequest request)
    {
        var algorithm = request.Algorithm;
        var children = new List<DicomDataset>
        {
            Code(HasConceptMod, TriageCodes.LanguageOfContent, TriageCodes.EnglishUnitedStates),
            Code(HasObsContext, TriageCodes.ObserverType, TriageCodes.Device),
            UidRef(HasObsContext, TriageCodes.DeviceObserverUid, algorithm.DeviceUid),
            Text(HasObsContext, TriageCodes.DeviceObserverName, algorithm.DeviceObserverName),
            Text(HasObsContext, TriageCodes.DeviceObserverManufacturer, algorithm.Manufacturer),
            Text(HasObsContext, TriageCodes.DeviceObserverModelName, algorithm.ModelName),
            Code(HasConceptMod, TriageCodes.ProcedureReported, TriageCodes.PlainChestXray),
            Container(Contains, TriageCodes.ImageLibrary, Container(Contains, TriageCodes.ImageLibraryGroup,
                request.Images.Select(i => Image(Contains, null, i.SopClassUid, i.SopInstanceUid)))),
            Container(Contains, TriageCodes.ImagingMeasurements, request.Images.Select(i => MeasurementGroup(i, algorithm))),
        };

        var evaluations = new List<DicomDataset>();
        if (request.StudyPriority is { } priority)
        {
            evaluations.Add(Code(Contains, TriageCodes.Priority, TriageCodes.ForPriority(priority)));
        }

        evaluations.Add(Text(Contains, TriageCodes.TriageSummary, TriageSummary.ForReport(request)));
        children.Add(Container(Contains, TriageCodes.QualitativeEvaluations, evaluations));
        return children;
    }

    /// <summary>TID 1501 for one image. An image that was not assessed keeps its group (tracking, algorithm, source
    /// image, priority "Not assessable", and the content gate's "Reason not assessable" text when it refused the image)
    /// but has no finding and no certainty values. An assessed image states the operating point its priority was decided
    /// at (shipped or site-calibrated thresholds), so a reader of the SR knows which thresholds made it urgent.</summary>
    private static DicomDataset MeasurementGroup(TriagedImage image, AlgorithmIdentity algorithm)
    {
        var items = new List<DicomDataset>
        {
            Text(HasObsContext, TriageCodes.TrackingIdentifier, image.TrackingIdentifier),
            UidRef(HasObsContext, TriageCodes.TrackingUid, image.TrackingUid),
        };
        if (image.PrimaryLabel is { } primary)
        {
            items.Add(Code(Contains, TriageCodes.Finding, TriageCodes.ForLabel(primary))); // TID 1501 row 3b
        }

        items.Add(Text(HasConceptMod, TriageCodes.AlgorithmName, algorithm.AlgorithmName));
        items.Add(Text(HasConceptMod, TriageCodes.AlgorithmVersion, algorithm.ModelVersion));
        items.Add(Image(Contains, TriageCodes.SourceOfMeasurement, image.SopClassUid, image.SopInstanceUid));
        if (image.IsAssessed)
        {
            foreach (var label in EnsembleLabels.All)
            {
                var probability = image.Probabilities!.TryGetValue(label, out var p)
                    ? p
                    : throw new ArgumentException($"Image '{image.TrackingIdentifier}' has no probability for '{label}'.", nameof(image));
                items.Add(Num(Contains, TriageCodes.CertaintyOfFinding, TriageSummary.Percent(probability), TriageCodes.Percent,
                    Code(HasConceptMod, TriageCodes.Finding, TriageCodes.ForLabel(label))));
            }
        }

        items.Add(Code(Contains, TriageCodes.Priority, TriageCodes.ForPriority(image.Priority)));
        if (image.IsAssessed && image.OperatingPoint is { } operatingPoint)
        {
            items.Add(Text(Contains, TriageCodes.OperatingPoint, operatingPoint));
        }

        if (image.NotAssessableReason is { } reason)
        {
            items.Add(Text(Contains, TriageCodes.NotAssessableReason, reason));
        }

        return Container(Contains, TriageCodes.MeasurementGroup, items);
    }
}
