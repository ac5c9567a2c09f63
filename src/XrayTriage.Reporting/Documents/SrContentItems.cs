using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Documents;

/// <summary>SR content items (PS3.3 C.17.3): one sequence item per node of the content tree.</summary>
internal static class SrContentItems
{
    public const string Contains = "CONTAINS";
    public const string HasObsContext = "HAS OBS CONTEXT";
    public const string HasConceptMod = "HAS CONCEPT MOD";

    public static DicomDataset Container(string? relationship, CodedConcept concept, params IEnumerable<DicomDataset> children)
    {
        var item = Node(relationship, "CONTAINER", concept);
        item.Add(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        return WithChildren(item, children);
    }

    public static DicomDataset Code(
        string relationship, CodedConcept concept, CodedConcept value, params IEnumerable<DicomDataset> children)
    {
        var item = Node(relationship, "CODE", concept);
        item.Add(new DicomSequence(DicomTags.ConceptCodeSequence, value.ToItem()));
        return WithChildren(item, children);
    }

    public static DicomDataset Text(string relationship, CodedConcept concept, string value)
        => Node(relationship, "TEXT", concept).Add(DicomTags.TextValue, DicomVR.UT, value);

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid)
        => Node(relationship, "UIDREF", concept).Add(DicomTags.UID, DicomVR.UI, uid);

    /// <summary>A NUM item; <paramref name="value"/> is written as DS (at most 16 characters).</summary>
    public static DicomDataset Num(
        string relationship, CodedConcept concept, string value, CodedConcept units, params IEnumerable<DicomDataset> children)
    {
        var measured = new DicomDataset()
            .Add(new DicomSequence(DicomTags.MeasurementUnitsCodeSequence, units.ToItem()))
            .Add(DicomTags.NumericValue, DicomVR.DS, value);
        var item = Node(relationship, "NUM", concept).Add(new DicomSequence(DicomTags.MeasuredValueSequence, measured));
        return WithChildren(item, children);
    }

    public static DicomDataset Image(string relationship, CodedConcept? concept, string sopClassUid, string sopInstanceUid)
    {
        var reference = new DicomDataset()
            .Add(DicomTags.ReferencedSOPClassUID, DicomVR.UI, sopClassUid)
            .Add(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, sopInstanceUid);
        return Node(relationship, "IMAGE", concept).Add(new DicomSequence(DicomTags.ReferencedSOPSequence, reference));
    }

    private static DicomDataset Node(string? relationship, string valueType, CodedConcept? concept)
    {
        var item = new DicomDataset();
        if (relationship is not null)
        {
            item.Add(DicomTags.RelationshipType, DicomVR.CS, relationship);
        }

        item.Add(DicomTags.ValueType, DicomVR.CS, valueType);
        if (concept is { } name)
        {
            item.Add(new DicomSequence(DicomTags.ConceptNameCodeSequence, name.ToItem()));
        }

        return item;
    }

    private static DicomDataset WithChildren(DicomDataset item, IEnumerable<DicomDataset> children)
    {
        var list = children.ToList();
        if (list.Count > 0)
        {
            item.Add(new DicomSequence(DicomTags.ContentSequence, list));
        }

        return item;
    }
}
