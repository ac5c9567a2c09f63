using System.Collections.Frozen;
using System.Text;

namespace XrayTriage.Dicom.Text;

/// <summary>One defined term of Specific Character Set and the .NET encoding behind it (PS3.3 Tables C.12-2 to C.12-5).</summary>
internal sealed class CharacterSetTerm(string term, int codePage, bool iso2022, Iso2022Set g0, Iso2022Set g1)
{
    private static readonly (int Ir, int CodePage, Iso2022Set Set)[] SingleByte =
    [
        (100, 28591, Iso2022Set.Latin1), (101, 28592, Iso2022Set.Latin2), (109, 28593, Iso2022Set.Latin3),
        (110, 28594, Iso2022Set.Latin4), (144, 28595, Iso2022Set.Cyrillic), (127, 28596, Iso2022Set.Arabic),
        (126, 28597, Iso2022Set.Greek), (138, 28598, Iso2022Set.Hebrew), (148, 28599, Iso2022Set.Latin5),
        (203, 28605, Iso2022Set.Latin9), (166, 874, Iso2022Set.Thai),
    ];

    private static readonly FrozenDictionary<string, CharacterSetTerm> ByTerm =
        Build().ToFrozenDictionary(t => t.Term, StringComparer.Ordinal);

    private Encoding? _encoding;

    public string Term { get; } = term;

    public bool IsIso2022 { get; } = iso2022;

    /// <summary>The set designated to G0 when a value starts (or after a delimiter).</summary>
    public Iso2022Set G0 { get; } = g0;

    /// <summary>The set designated to G1 when a value starts.</summary>
    public Iso2022Set G1 { get; } = g1;

    public Encoding Encoding => _encoding ??= codePage == 28591
        ? Encoding.Latin1
        : codePage == 65001 ? new UTF8Encoding(false) : Encoding.GetEncoding(codePage);

    public static CharacterSetTerm? Find(string term)
    {
        var normalized = term.Trim().ToUpperInvariant().Replace('-', ' ');
        if (normalized.StartsWith("ISO IR", StringComparison.Ordinal))
        {
            normalized = "ISO_IR" + normalized[6..];
        }

        return ByTerm.GetValueOrDefault(normalized)
            ?? ByTerm.GetValueOrDefault(normalized.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    private static IEnumerable<CharacterSetTerm> Build()
    {
        yield return new(string.Empty, 28591, false, Iso2022Set.Ascii, Iso2022Set.None);
        yield return new("ISO_IR 6", 28591, false, Iso2022Set.Ascii, Iso2022Set.None);
        yield return new("ISO 2022 IR 6", 28591, true, Iso2022Set.Ascii, Iso2022Set.None);
        foreach (var (ir, codePage, set) in SingleByte)
        {
            yield return new($"ISO_IR {ir}", codePage, false, Iso2022Set.Ascii, set);
            yield return new($"ISO 2022 IR {ir}", codePage, true, Iso2022Set.Ascii, set);
        }

        yield return new("ISO_IR 13", 932, false, Iso2022Set.JisRomaji, Iso2022Set.JisKatakana);
        yield return new("ISO 2022 IR 13", 932, true, Iso2022Set.JisRomaji, Iso2022Set.JisKatakana);
        yield return new("ISO 2022 IR 87", 20932, true, Iso2022Set.Jis0208, Iso2022Set.None);
        yield return new("ISO 2022 IR 159", 20932, true, Iso2022Set.Jis0212, Iso2022Set.None);
        yield return new("ISO 2022 IR 149", 51949, true, Iso2022Set.Ascii, Iso2022Set.Ksx1001);
        yield return new("ISO 2022 IR 58", 936, true, Iso2022Set.Ascii, Iso2022Set.Gb2312);
        yield return new("ISO_IR 192", 65001, false, Iso2022Set.Ascii, Iso2022Set.None);
        yield return new("GB18030", 54936, false, Iso2022Set.Ascii, Iso2022Set.None);
        yield return new("GBK", 936, false, Iso2022Set.Ascii, Iso2022Set.None);
    }
}
