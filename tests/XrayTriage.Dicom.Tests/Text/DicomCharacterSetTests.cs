using System.Text;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Text;

namespace XrayTriage.Dicom.Tests.Text;

public sealed class DicomCharacterSetTests
{
    public static TheoryData<string, byte[], string> SingleByteSamples() => new()
    {
        { "ISO_IR 100", [0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], "Jérôme" },
        { "ISO_IR 101", [0x57, 0xB3, 0x6F, 0x64, 0x7A, 0x69, 0x6D, 0x69, 0x65, 0x72, 0x7A], "Włodzimierz" },
        { "ISO_IR 144", [0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3], "Люкceмбypг" },
        { "ISO_IR 126", [0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2], "Διονυσιος" },
        { "ISO_IR 138", [0xF9, 0xF8, 0xE5, 0xEF], "שרון" },
        { "ISO_IR 148", [0xDE, 0xFD], "Şı" },
        { "ISO_IR 203", [0xA4], "€" },
        { "ISO_IR 166", [0xA1], "ก" },
        { "ISO_IR 192", [0xE7, 0x8E, 0x8B], "王" },
        { "GB18030", [0xCD, 0xF5], "王" },
        { "GBK", [0xCD, 0xF5], "王" },
    };

    [Theory]
    [MemberData(nameof(SingleByteSamples))]
    public void Decode_SingleTermSets_ReturnsUnicode(string term, byte[] bytes, string expected)
        => Assert.Equal(expected, DicomCharacterSet.Parse(term).Decode(bytes, DicomVR.LO));

    [Fact]
    public void Decode_Iso2022Japanese_SwitchesAtEscapes()
    {
        // "Yamada^Tarou=" then ESC $ B + JIS X 0208 "山田" + ESC ( B "^" ...
        byte[] bytes = [.. "Yamada^Tarou="u8, 0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, (byte)'^',
            0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42];
        var set = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]);
        Assert.Equal("Yamada^Tarou=山田^太郎", set.Decode(bytes, DicomVR.PN));
        Assert.True(set.UsesCodeExtensions);
    }

    [Fact]
    public void Decode_Iso2022Korean_UsesG1()
    {
        byte[] bytes = [.. "Hong^Gildong="u8, 0x1B, 0x24, 0x29, 0x43, 0xFB, 0xF3, 0x5E, 0x1B, 0x24, 0x29, 0x43, 0xD1, 0xCE, 0xD4, 0xD7];
        Assert.Equal("Hong^Gildong=洪^吉洞", DicomCharacterSet.FromTerms(["", "ISO 2022 IR 149"]).Decode(bytes, DicomVR.PN));
    }

    [Fact]
    public void Decode_Iso2022Katakana_FirstTermIr13()
    {
        byte[] bytes = [0xD4, 0xCF, 0xC0, 0xDE, (byte)'^', 0xC0, 0xDB, 0xB3];
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ", DicomCharacterSet.FromTerms(["ISO 2022 IR 13", "ISO 2022 IR 87"]).Decode(bytes, DicomVR.PN));
    }

    [Fact]
    public void CharacterSet_MissingAttribute_UsesConfiguredFallback()
    {
        byte[] encoded = [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x06, 0x00, .. Encoding.UTF8.GetBytes("Jörg"), 0x20];
        var latin1 = DicomReader.ReadDataset(encoded, TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("JÃ¶rg", latin1.GetString(DicomTags.PatientName));
        var utf8 = DicomReader.ReadDataset(
            encoded, TransferSyntax.ExplicitVRLittleEndian, new DicomReaderOptions { FallbackCharacterSet = DicomCharacterSet.Utf8 });
        Assert.Equal("Jörg", utf8.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void CharacterSet_UnknownTerm_UsesFallbackInsteadOfQuestionMarks()
    {
        var ds = new DicomDataset { FallbackCharacterSet = DicomCharacterSet.Utf8 }
            .Add(DicomTags.SpecificCharacterSet, "ISO_IR 999")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, Encoding.UTF8.GetBytes("Zoë^Ana "));
        Assert.False(ds.CharacterSet.IsKnown);
        Assert.Equal("Zoë^Ana", ds.GetString(DicomTags.PatientName));
    }

    [Theory]
    [InlineData("ISO_IR 100")]
    [InlineData("ISO-IR 100")]
    [InlineData("iso_ir 100")]
    public void Parse_TermSpellings_AreTolerated(string term) => Assert.True(DicomCharacterSet.Parse(term).IsKnown);

    [Fact]
    public void Encode_Utf8_RoundTrips()
    {
        var set = DicomCharacterSet.Utf8;
        Assert.Equal("山田^太郎", set.Decode(set.Encode("山田^太郎"), DicomVR.PN));
    }
}
