using System.Collections.Frozen;

namespace XrayTriage.Dicom;

/// <summary>The standard data dictionary, generated from DCMTK's dicom.dic (see tools/DictionaryGenerator).</summary>
/// <remarks>PS3.6 §6 and §7 (repeating groups, private creator elements).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "fo-dicom vocabulary: the DICOM data dictionary.")]
public static class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag =
        DicomDictionaryData.Exact.GroupBy(e => e.Tag.Value).ToFrozenDictionary(g => g.Key, g => g.First());

    private static readonly FrozenDictionary<string, DicomDictionaryEntry> ByKeyword =
        DicomDictionaryData.Exact.Concat(DicomDictionaryData.Ranges.Select(r => r.Entry))
            .GroupBy(e => e.Keyword, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Number of entries (exact tags plus ranges).</summary>
    public static int Count => DicomDictionaryData.Exact.Length + DicomDictionaryData.Ranges.Length;

    /// <summary>Looks up a tag; repeating groups (50xx, 60xx, 7Fxx) and generic group lengths are resolved.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The entry, or null for unknown and private data elements.</returns>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        if (ByTag.TryGetValue(tag.Value, out var entry))
        {
            return entry;
        }

        foreach (var range in DicomDictionaryData.Ranges)
        {
            if (range.Matches(tag))
            {
                return range.Entry;
            }
        }

        return null;
    }

    /// <summary>Looks up an element by keyword, e.g. "PatientName".</summary>
    /// <param name="keyword">The keyword.</param>
    /// <returns>The entry, or null.</returns>
    public static DicomDictionaryEntry? Find(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return ByKeyword.GetValueOrDefault(keyword);
    }

    /// <summary>The keyword of a tag, "PrivateCreator" for private creators, or an empty string when unknown.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The keyword.</returns>
    public static string KeywordOf(DicomTag tag)
        => tag.IsPrivateCreator ? "PrivateCreator" : tag.IsPrivate ? string.Empty : Find(tag)?.Keyword ?? string.Empty;
}
