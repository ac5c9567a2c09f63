using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Documents;

/// <summary>Builds the triage report of one study: an SR (Comprehensive 3D, Comprehensive or Enhanced) following
/// TID 1500 as IHE AI Results uses it, in the source's study, in a new series. Pure: no clock, no UID generation.</summary>
internal static class TriageSrBuilder
{
    public const string ComprehensiveSrUid = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string EnhancedSrUid = "1.2.840.10008.5.1.4.1.1.88.22";
    public const string Comprehensive3DSrUid = "1.2.840.10008.5.1.4.1.1.88.34";

    public static string SopClassUid(SrSopClass sopClass) => sopClass switch
    {
        SrSopClass.Comprehensive => ComprehensiveSrUid,
        SrSopClass.Enhanced => EnhancedSrUid,
        _ => Comprehensive3DSrUid,
    };

    /// <summary>The SR data set (no File Meta Information; wrap it in a <see cref="DicomFile"/> to write Part 10).</summary>
    /// <exception cref="ArgumentException">A UID is invalid, the source has no Study Instance UID, or an assessed image lacks
    /// a label.</exception>
    public static DicomDataset Build(ReportDocumentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var source = request.Source;
        var studyUid = SourceAttributes.StudyInstanceUid(source);
        var algorithm = request.Algorithm;
        var (contentDate, contentTime) = SourceAttributes.DateAndTime(source, request.ContentDateTime);

        var sr = new DicomDataset();
        SourceAttributes.CopyTo(source, sr);

        // SOP Common (C.12.1)
        sr.Add(DicomTags.SOPClassUID, DicomVR.UI, SopClassUid(request.SopClass));
        sr.Add(DicomTags.SOPInstanceUID, DicomVR.UI, request.SopInstanceUid);
        sr.Add(DicomTags.InstanceCreationDate, DicomVR.DA, contentDate);
        sr.Add(DicomTags.InstanceCreationTime, DicomVR.TM, contentTime);
        sr.Add(new DicomSequence(DicomTags.CodingSchemeIdentificationSequence,
            PrivateScheme(TriageCodes.PrivateScheme, "XrayTriage local codes", algorithm.Manufacturer),
            PrivateScheme(TriageCodes.IheScheme, "IHE AI Results temporary codes", "IHE")));
        sr.Add(new DicomSequence(DicomTags.ContributingEquipmentSequence, ContributingEquipment(algorithm, contentDate, contentTime)));

        // SR Document Series (C.17.1)
        sr.Add(DicomTags.Modality, DicomVR.CS, "SR");
        sr.Add(DicomTags.SeriesInstanceUID, DicomVR.UI, request.SeriesInstanceUid);
        sr.Add(DicomTags.SeriesNumber, DicomVR.IS, request.SeriesNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sr.Add(DicomTags.SeriesDescription, DicomVR.LO, "AI triage report (not for diagnosis)");
        sr.Add(new DicomSequence(DicomTags.ReferencedPerformedProcedureStepSequence));

        // General Equipment (C.7.5.1) and Enhanced General Equipment (C.7.5.2, Mandatory in Comprehensive 3D SR)
        sr.Add(DicomTags.Manufacturer, DicomVR.LO, algorithm.Manufacturer);
        sr.Add(DicomTags.ManufacturerModelName, DicomVR.LO, algorithm.ModelName);
        sr.Add(DicomTags.DeviceSerialNumber, DicomVR.LO, algorithm.DeviceSerialNumber ?? algorithm.DeviceUid);
        sr.Add(DicomTags.SoftwareVersions, DicomVR.LO, algorithm.ApplicationVersion, algorithm.ModelVersion);

        // SR Document General (C.17.2)
        sr.Add(DicomTags.InstanceNumber, DicomVR.IS, request.InstanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sr.Add(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE");
        sr.Add(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED");
        sr.Add(DicomTags.ContentDate, DicomVR.DA, contentDate);
        sr.Add(DicomTags.ContentTime, DicomVR.TM, contentTime);
        sr.Add(new DicomSequence(DicomTags.PerformedProcedureCodeSequence));
        sr.Add(new DicomSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence,
            Hierarchical(studyUid, request.Images.Select(i => (i.SeriesInstanceUid, i.SopClassUid, i.SopInstanceUid)))));
        if (ReferencedRequest(source, studyUid) is { } requestItem)
        {
            sr.Add(new DicomSequence(DicomTags.ReferencedRequestSequence, requestItem));
        }

        if (request.Predecessor is { } predecessor)
        {
            sr.Add(new DicomSequence(DicomTags.PredecessorDocumentsSequence,
                Hierarchical(studyUid, [(request.SeriesInstanceUid, SopClassUid(request.SopClass), predecessor.SrSopInstanceUid)])));
        }

        // SR Document Content (C.17.3): the root CONTAINER
        sr.Add(DicomTags.ValueType, DicomVR.CS, "CONTAINER");
        sr.Add(new DicomSequence(DicomTags.ConceptNameCodeSequence, TriageCodes.ImagingMeasurementReport.ToItem()));
        sr.Add(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        sr.Add(new DicomSequence(DicomTags.ContentTemplateSequence, new DicomDataset()
            .Add(DicomTags.MappingResource, DicomVR.CS, "DCMR")
            .Add(DicomTags.TemplateIdentifier, DicomVR.CS, "1500")));
        sr.Add(new DicomSequence(DicomTags.ContentSequence, TriageSrContent.RootChildren(request)));
        return sr;
    }

    private static void Validate(ReportDocumentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Source);
        ArgumentNullException.ThrowIfNull(request.Algorithm);
        ArgumentNullException.ThrowIfNull(request.Images);
        RequireUid(request.SeriesInstanceUid, nameof(request.SeriesInstanceUid));
        RequireUid(request.SopInstanceUid, nameof(request.SopInstanceUid));
        RequireUid(request.Algorithm.DeviceUid, nameof(request.Algorithm.DeviceUid));
        if (request.Images.Count == 0)
        {
            throw new ArgumentException("A report needs at least one image.", nameof(request));
        }

        foreach (var image in request.Images)
        {
            RequireUid(image.SopClassUid, nameof(image.SopClassUid));
            RequireUid(image.SopInstanceUid, nameof(image.SopInstanceUid));
            RequireUid(image.SeriesInstanceUid, nameof(image.SeriesInstanceUid));
            RequireUid(image.TrackingUid, nameof(image.TrackingUid));
        }

        if (request.Predecessor is { } p)
        {
            RequireUid(p.SrSopInstanceUid, "Predecessor.SrSopInstanceUid");
        }
    }

    private static void RequireUid(string? value, string name)
    {
        if (!DicomUid.IsValid(value))
        {
            throw new ArgumentException($"{name} is not a valid UID: '{value}'.", name);
        }
    }

    /// <summary>Hierarchical SOP Instance Reference Macro (C.17.2.1): one study, instances grouped by series.</summary>
    internal static DicomDataset Hierarchical(string studyUid, IEnumerable<(string Series, string SopClass, string SopInstance)> instances)
    {
        var series = instances
            .DistinctBy(i => i.SopInstance, StringComparer.Ordinal)
            .GroupBy(i => i.Series, StringComparer.Ordinal)
            .Select(g => new DicomDataset()
                .Add(DicomTags.SeriesInstanceUID, DicomVR.UI, g.Key)
                .Add(new DicomSequence(DicomTags.ReferencedSOPSequence, g.Select(i => new DicomDataset()
                    .Add(DicomTags.ReferencedSOPClassUID, DicomVR.UI, i.SopClass)
                    .Add(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, i.SopInstance)))));
        return new DicomDataset()
            .Add(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Add(new DicomSequence(DicomTags.ReferencedSeriesSequence, series));
    }

    /// <summary>Referenced Request Sequence item when the source has an accession number (Type 2 sub-attributes left empty
    /// unless the source's Request Attributes Sequence provides them).</summary>
    private static DicomDataset? ReferencedRequest(DicomDataset source, string studyUid)
    {
        if (!source.TryGetItem(DicomTags.AccessionNumber, out var accession) || accession is not DicomElement { IsEmpty: false })
        {
            return null;
        }

        var item = new DicomDataset()
            .Add(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Add(new DicomSequence(DicomTags.ReferencedStudySequence))
            .Add(accession)
            .Add(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO)
            .Add(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO)
            .Add(DicomTags.RequestedProcedureID, DicomVR.SH)
            .Add(DicomTags.RequestedProcedureDescription, DicomVR.LO)
            .Add(new DicomSequence(DicomTags.RequestedProcedureCodeSequence));
        // An empty Issuer of Accession Number Sequence is refused by dciodvfy (it wants one item): copied only when known.
        if (source.TryGetItem(DicomTags.IssuerOfAccessionNumberSequence, out var issuer) && issuer is DicomSequence { Items.Count: > 0 })
        {
            item.Add(SourceAttributes.DeepCopy(issuer));
        }
        if (source.TryGetSequence(DicomTags.RequestAttributesSequence, out var requests) && requests.Items.Count > 0)
        {
            foreach (var tag in new[] { DicomTags.RequestedProcedureID, DicomTags.RequestedProcedureDescription })
            {
                if (requests.Items[0].TryGetItem(tag, out var value) && value is DicomElement)
                {
                    item.AddOrUpdate(value);
                }
            }
        }

        return item;
    }

    private static DicomDataset PrivateScheme(string designator, string name, string organization) => new DicomDataset()
        .Add(DicomTags.CodingSchemeDesignator, DicomVR.SH, designator)
        .Add(DicomTags.CodingSchemeName, DicomVR.ST, name)
        .Add(DicomTags.CodingSchemeResponsibleOrganization, DicomVR.ST, organization);

    private static DicomDataset ContributingEquipment(AlgorithmIdentity algorithm, string date, string time) => new DicomDataset()
        .Add(DicomTags.Manufacturer, DicomVR.LO, algorithm.Manufacturer)
        .Add(DicomTags.ManufacturerModelName, DicomVR.LO, algorithm.ModelName)
        .Add(DicomTags.SoftwareVersions, DicomVR.LO, algorithm.ApplicationVersion, algorithm.ModelVersion)
        .Add(DicomTags.DeviceUID, DicomVR.UI, algorithm.DeviceUid)
        .Add(DicomTags.ContributionDateTime, DicomVR.DT, date + time)
        .Add(
            DicomTags.ContributionDescription,
            DicomVR.ST,
            $"{algorithm.AlgorithmName} {algorithm.ModelVersion}: AI triage (not for diagnosis)")
        .Add(new DicomSequence(DicomTags.PurposeOfReferenceCodeSequence, TriageCodes.ProcessingAlgorithm.ToItem()));
}
