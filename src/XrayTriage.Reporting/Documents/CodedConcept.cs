using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Documents;

/// <summary>A coded concept (Code Value, Coding Scheme Designator, Code Meaning) as written in a code sequence item.</summary>
/// <remarks>PS3.3 §8.8 Table 8.8-1a; every value here is at most 16 characters so Code Value (SH) suffices.</remarks>
internal readonly record struct CodedConcept(string Value, string Scheme, string Meaning)
{
    /// <summary>One code sequence item holding this concept.</summary>
    public DicomDataset ToItem() => new DicomDataset()
        .Add(DicomTags.CodeValue, DicomVR.SH, Value)
        .Add(DicomTags.CodingSchemeDesignator, DicomVR.SH, Scheme)
        .Add(DicomTags.CodeMeaning, DicomVR.LO, Meaning);

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
