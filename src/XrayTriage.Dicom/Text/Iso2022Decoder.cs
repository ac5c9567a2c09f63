using System.Text;

namespace XrayTriage.Dicom.Text;

/// <summary>Decodes values that use ISO 2022 code extensions: escape sequences switch G0/G1 sets (PS3.5 §6.1.2.5).</summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;

    public static string Decode(ReadOnlySpan<byte> bytes, CharacterSetTerm[] terms, bool isPersonName)
    {
        var g0 = terms[0].G0;
        var g1 = terms[0].G1;
        var text = new StringBuilder(bytes.Length);
        var run = new List<byte>(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == Esc)
            {
                Flush(text, run, g0, g1);
                var consumed = ParseEscape(bytes[i..], ref g0, ref g1);
                if (consumed == 0)
                {
                    run.Add(b);
                    consumed = 1;
                }

                i += consumed;
                continue;
            }

            var singleByteG0 = g0 is Iso2022Set.Ascii or Iso2022Set.JisRomaji;
            if (singleByteG0 && IsDelimiter(b, isPersonName))
            {
                run.Add(b);
                Flush(text, run, g0, g1);
                g0 = terms[0].G0;
                g1 = terms[0].G1;
                i++;
                continue;
            }

            run.Add(b);
            i++;
        }

        Flush(text, run, g0, g1);
        return text.ToString();
    }

    private static bool IsDelimiter(byte b, bool isPersonName)
        => b is 0x0D or 0x0A or 0x0C or 0x09 or (byte)'\\' || (isPersonName && b is (byte)'^' or (byte)'=');

    private static void Flush(StringBuilder text, List<byte> run, Iso2022Set g0, Iso2022Set g1)
    {
        if (run.Count == 0)
        {
            return;
        }

        if (g0 is Iso2022Set.Jis0208 or Iso2022Set.Jis0212)
        {
            var euc = new List<byte>(run.Count * 2);
            for (var k = 0; k < run.Count; k++)
            {
                var b = run[k];
                if (b is >= 0x21 and <= 0x7E && k + 1 < run.Count && run[k + 1] is >= 0x21 and <= 0x7E)
                {
                    if (g0 == Iso2022Set.Jis0212)
                    {
                        euc.Add(0x8F);
                    }

                    euc.Add((byte)(b | 0x80));
                    euc.Add((byte)(run[k + 1] | 0x80));
                    k++;
                }
                else if (b >= 0xA1 && b <= 0xDF && g1 == Iso2022Set.JisKatakana)
                {
                    euc.Add(0x8E);
                    euc.Add(b);
                }
                else
                {
                    euc.Add(b);
                }
            }

            text.Append(EncodingOf(Iso2022Set.Jis0208).GetString([.. euc]));
        }
        else
        {
            text.Append(EncodingOf(g1).GetString([.. run]));
        }

        run.Clear();
    }

    private static Encoding EncodingOf(Iso2022Set set) => set switch
    {
        Iso2022Set.Jis0208 or Iso2022Set.Jis0212 => Encoding.GetEncoding(20932),
        Iso2022Set.JisKatakana => Encoding.GetEncoding(932),
        Iso2022Set.Ksx1001 => Encoding.GetEncoding(51949),
        Iso2022Set.Gb2312 => Encoding.GetEncoding(936),
        Iso2022Set.Latin2 => Encoding.GetEncoding(28592),
        Iso2022Set.Latin3 => Encoding.GetEncoding(28593),
        Iso2022Set.Latin4 => Encoding.GetEncoding(28594),
        Iso2022Set.Cyrillic => Encoding.GetEncoding(28595),
        Iso2022Set.Arabic => Encoding.GetEncoding(28596),
        Iso2022Set.Greek => Encoding.GetEncoding(28597),
        Iso2022Set.Hebrew => Encoding.GetEncoding(28598),
        Iso2022Set.Latin5 => Encoding.GetEncoding(28599),
        Iso2022Set.Latin9 => Encoding.GetEncoding(28605),
        Iso2022Set.Thai => Encoding.GetEncoding(874),
        _ => Encoding.Latin1,
    };

    private static int ParseEscape(ReadOnlySpan<byte> s, ref Iso2022Set g0, ref Iso2022Set g1)
    {
        if (s.Length >= 3 && s[1] == (byte)'(')
        {
            switch (s[2])
            {
                case (byte)'B': g0 = Iso2022Set.Ascii; return 3;
                case (byte)'J': g0 = Iso2022Set.JisRomaji; return 3;
            }
        }

        if (s.Length >= 3 && s[1] == (byte)')' && s[2] == (byte)'I')
        {
            g1 = Iso2022Set.JisKatakana;
            return 3;
        }

        if (s.Length >= 3 && s[1] == (byte)'$' && s[2] is (byte)'B' or (byte)'@')
        {
            g0 = Iso2022Set.Jis0208;
            return 3;
        }

        if (s.Length >= 4 && s[1] == (byte)'$')
        {
            switch ((s[2], s[3]))
            {
                case ((byte)'(', (byte)'D'): g0 = Iso2022Set.Jis0212; return 4;
                case ((byte)')', (byte)'C'): g1 = Iso2022Set.Ksx1001; return 4;
                case ((byte)')', (byte)'A'): g1 = Iso2022Set.Gb2312; return 4;
            }
        }

        if (s.Length >= 3 && s[1] == (byte)'-')
        {
            Iso2022Set? set = s[2] switch
            {
                (byte)'A' => Iso2022Set.Latin1,
                (byte)'B' => Iso2022Set.Latin2,
                (byte)'C' => Iso2022Set.Latin3,
                (byte)'D' => Iso2022Set.Latin4,
                (byte)'L' => Iso2022Set.Cyrillic,
                (byte)'G' => Iso2022Set.Arabic,
                (byte)'F' => Iso2022Set.Greek,
                (byte)'H' => Iso2022Set.Hebrew,
                (byte)'M' => Iso2022Set.Latin5,
                (byte)'b' => Iso2022Set.Latin9,
                (byte)'T' => Iso2022Set.Thai,
                _ => null,
            };
            if (set is { } value)
            {
                g1 = value;
                return 3;
            }
        }

        return 0;
    }
}
