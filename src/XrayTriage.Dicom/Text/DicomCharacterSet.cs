using System.Text;

namespace XrayTriage.Dicom.Text;

/// <summary>Specific Character Set (0008,0005): decodes and encodes SH, LO, ST, LT, UT, UC and PN values.</summary>
/// <remarks>PS3.5 §6.1 and PS3.3 C.12.1.1.2; ISO 2022 code extensions in PS3.5 §6.1.2.5.</remarks>
public sealed partial class DicomCharacterSet
{
    static DicomCharacterSet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly CharacterSetTerm[] _terms;

    private DicomCharacterSet(string[] terms, CharacterSetTerm[] resolved, bool isKnown)
    {
        Terms = terms;
        _terms = resolved;
        IsKnown = isKnown;
    }

    /// <summary>The default repertoire (ISO_IR 6); bytes above 0x7F, which it does not define, decode as ISO 8859-1 like pydicom.</summary>
    public static DicomCharacterSet Default { get; } = new([], [CharacterSetTerm.Find(string.Empty)!], true);

    /// <summary>UTF-8 (ISO_IR 192).</summary>
    public static DicomCharacterSet Utf8 { get; } = FromTerms(["ISO_IR 192"], Default);

    /// <summary>The defined terms as given in the data set.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>False when a term was not recognised and the fallback was used in its place.</summary>
    public bool IsKnown { get; }

    /// <summary>True when ISO 2022 escape sequences switch character sets within a value.</summary>
    public bool UsesCodeExtensions => _terms.Length > 1 || _terms[0].IsIso2022;

    /// <summary>Creates a character set from the values of Specific Character Set.</summary>
    /// <param name="terms">The defined terms, e.g. ["", "ISO 2022 IR 87"].</param>
    /// <param name="fallback">Used when the terms are empty or a term is unknown.</param>
    /// <returns>The character set.</returns>
    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms, DicomCharacterSet? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        fallback ??= Default;
        if (terms.Count == 0 || terms.All(t => t.Trim().Length == 0))
        {
            return fallback;
        }

        var known = true;
        var resolved = new List<CharacterSetTerm>();
        foreach (var raw in terms)
        {
            var term = CharacterSetTerm.Find(raw.Trim());
            if (term is null)
            {
                known = false;
                term = fallback._terms[0];
            }

            resolved.Add(term);
        }

        return new DicomCharacterSet([.. terms], [.. resolved], known);
    }

    /// <summary>Creates a character set from one defined term, e.g. "ISO_IR 100", for use as a fallback.</summary>
    /// <param name="term">The defined term.</param>
    /// <returns>The character set.</returns>
    /// <exception cref="ArgumentException">The term is unknown.</exception>
    public static DicomCharacterSet Parse(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var set = FromTerms([term], null);
        return set.IsKnown ? set : throw new ArgumentException($"'{term}' is not a known Specific Character Set term.", nameof(term));
    }

    /// <summary>Decodes a value's bytes (padding included; the caller trims).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="vr">The VR (PN resets code extensions at '^' and '=').</param>
    /// <returns>The text.</returns>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(vr);
        if (!UsesCodeExtensions)
        {
            return _terms[0].Encoding.GetString(bytes);
        }

        return Iso2022Decoder.Decode(bytes, _terms, vr == DicomVR.PN);
    }

    /// <summary>Encodes text with the first term's character set (no escape sequences are generated).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _terms[0].Encoding.GetBytes(text);
    }

    /// <summary>Decodes default-repertoire text (AE, CS, UI, ...), tolerating bytes above 0x7F as ISO 8859-1.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The text.</returns>
    public static string DecodeDefault(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Splits the raw value of Specific Character Set into its terms (the first may be empty).</summary>
    /// <param name="bytes">The raw value.</param>
    /// <returns>The terms.</returns>
    public static string[] SplitTerms(ReadOnlySpan<byte> bytes)
        => [.. Encoding.Latin1.GetString(bytes).TrimEnd(' ', '\0').Split('\\').Select(t => t.Trim(' ', '\0'))];

    /// <inheritdoc />
    public override string ToString() => Terms.Count == 0 ? "ISO_IR 6" : string.Join('\\', Terms);
}
