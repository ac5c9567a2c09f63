namespace XrayTriage.Dicom;

/// <summary>A repeating-group or element-range dictionary entry such as (60xx,3000).</summary>
internal sealed class DicomDictionaryRange(
    ushort groupLow, ushort groupHigh, char groupParity,
    ushort elementLow, ushort elementHigh, char elementParity,
    DicomDictionaryEntry entry)
{
    public DicomDictionaryEntry Entry { get; } = entry;

    public bool Matches(DicomTag tag)
        => InRange(tag.Group, groupLow, groupHigh, groupParity) && InRange(tag.Element, elementLow, elementHigh, elementParity);

    private static bool InRange(ushort value, ushort low, ushort high, char parity)
        => value >= low && value <= high && parity switch
        {
            'e' => (value & 1) == 0,
            'o' => (value & 1) == 1,
            _ => true,
        };
}
