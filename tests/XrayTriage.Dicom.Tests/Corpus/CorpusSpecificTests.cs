namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Corpus files checked by hand where an oracle is wrong or silent.</summary>
public sealed class CorpusSpecificTests
{
    [Theory]
    [InlineData("edge/charset_chrArab_dclunie.dcm", "قباني^لنزار")]
    [InlineData("edge/charset_chrFren_dclunie.dcm", "Buc^Jérôme")]
    [InlineData("edge/charset_chrGerm_dclunie.dcm", "Äneas^Rüdiger")]
    [InlineData("edge/charset_chrGreek_dclunie.dcm", "Διονυσιος")]
    [InlineData("edge/charset_chrHbrw_dclunie.dcm", "שרון^דבורה")]
    [InlineData("edge/charset_chrRuss_dclunie.dcm", "Люкceмбypг")]
    [InlineData("edge/charset_chrH31_dclunie.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう")]
    [InlineData("edge/charset_chrH32_dclunie.dcm", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")]
    [InlineData("edge/charset_chrJapMulti_dclunie.dcm", "やまだ^たろう")]
    [InlineData("edge/charset_chrJapMultiExplicitIR6_dclunie.dcm", "やまだ^たろう")]
    [InlineData("edge/charset_chrI2_dclunie.dcm", "Hong^Gildong=洪^吉洞=홍^길동")]
    [InlineData("edge/charset_chrKoreanMulti_dclunie.dcm", "김희중")]
    [InlineData("edge/charset_chrX1_dclunie.dcm", "Wang^XiaoDong=王^小東=")]
    [InlineData("edge/charset_chrX2_dclunie.dcm", "Wang^XiaoDong=王^小东=")]
    [InlineData("edge/charset_chrGB2312_fo-dicom.dcm", "Zhang^XiaoDong=张^小东=")]
    [InlineData("sr/sr_basic-text_latin2_MarekLatin2.dcm", "Testowy^Teste")]
    [InlineData("edge/cr_no-pixeldata_charset-iso2022-ir100_orthanc-CR000000.dcm", "Anonymous")]
    public void GetString_CharsetSample_DecodesPatientName(string file, string expected)
        => Assert.Equal(expected, DicomFile.Open(CorpusFiles.FullPath(file)).Dataset.GetString(DicomTags.PatientName));

    [Fact]
    public void GetString_PersonNameGroups_SplitIntoAlphabeticIdeographicPhonetic()
    {
        var ds = DicomFile.Open(CorpusFiles.FullPath("edge/charset_chrH31_dclunie.dcm")).Dataset;
        var json = new DicomJsonWriter().ToJson(ds);
        Assert.Contains("\"Alphabetic\":\"Yamada^Tarou\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Ideographic\":\"\\u5C71\\u7530^\\u592A\\u90CE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Phonetic\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_VrBlankGH179A_ReadsLikeDcmtk()
    {
        // dcmdump: "Non-standard VR '  ' ... assuming 2 byte length field", then (0028,1050) DS [-2].
        var ds = DicomFile.Open(CorpusFiles.FullPath("edge/vr-blank_fo-dicom-GH179A.dcm")).Dataset;
        Assert.Equal(2, ds.GetElement(DicomTags.PixelPaddingValue).Length);
        Assert.Equal(-2, ds.GetInt32(DicomTags.WindowCenter));
        Assert.Contains("Event=1", ds.GetString(DicomTags.CommentsOnRadiationDose), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DicmInsideBareDataSet_ReadsTheDataSet()
    {
        var file = DicomFile.Open(CorpusFiles.FullPath("edge/no-preamble-with-DICM-in-data_dcm4che.dcm"));
        Assert.False(file.HasFileMetaInformation);
        Assert.Equal("MG", file.Dataset.GetString(DicomTags.Modality));
        Assert.Equal("SIEMENS", file.Dataset.GetString(DicomTags.Manufacturer));
    }

    [Fact]
    public void Open_BigEndianImplicitUndefinedLength_ReadsLikeDcmtk()
    {
        var file = DicomFile.Open(CorpusFiles.FullPath("edge/bigendian-implicit-undefined-length_fo-dicom-GH177.dcm"));
        Assert.True(file.TransferSyntax.IsBigEndian);
        Assert.True(file.Dataset.Count > 100);
    }

    [Fact]
    public void Open_ThreeGibPixelData_FailsWithTagAndOffsetWithoutAllocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<DicomParseException>(
            () => DicomFile.Open(CorpusFiles.FullPath("edge/pixeldata-length-3gb-truncated_dcm4che.dcm")));
        Assert.Equal(DicomTags.PixelData, ex.Tag);
        Assert.True(ex.Offset > 0);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
    }

    [Fact]
    public void Open_DeeplyNested_FailsAtMaxDepth()
    {
        var ex = Assert.Throws<DicomParseException>(
            () => DicomFile.Open(CorpusFiles.FullPath("edge/nested-sequence_deeply-nested_orthanc.dcm")));
        Assert.Contains("nested deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StopBeforePixelData_OmitsPixelDataAndLaterElements()
    {
        var options = new DicomReaderOptions { StopBeforePixelData = true };
        var ds = DicomFile.Open(CorpusFiles.FullPath("chest/dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm"), options).Dataset;
        Assert.False(ds.Contains(DicomTags.PixelData));
        Assert.Equal(1024, ds.GetInt32(DicomTags.Rows));
    }

    [Fact]
    public void Open_LargePixelData_IsFileBackedNotInMemory()
    {
        var ds = DicomFile.Open(CorpusFiles.FullPath("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm")).Dataset;
        var pixels = ds.GetElement(DicomTags.PixelData);
        Assert.False(pixels.Buffer.IsInMemory);
        Assert.Equal(1760L * 1760 * 2, pixels.Length);
    }

    [Fact]
    public void GetFrames_EncapsulatedMultiframe_OneFramePerFragmentGroup()
    {
        var ds = DicomFile.Open(
            CorpusFiles.FullPath("other/us_ybr-full-422_multiframe_jpeg-baseline_pydicom-examples_ybr_color.dcm")).Dataset;
        var pixels = Assert.IsType<DicomFragmentSequence>(ds.GetItem(DicomTags.PixelData));
        var frames = pixels.GetFrames(ds.GetInt32(DicomTags.NumberOfFrames));
        Assert.Equal(30, frames.Count);
        Assert.All(frames, f => Assert.Equal(0xFF, f[0].GetMemory().Span[0]));
    }

    [Fact]
    public void Open_SequenceWithOwnCharset_ItemOverridesParent()
    {
        var ds = DicomFile.Open(CorpusFiles.FullPath("edge/charset_chrSQEncoding_dclunie.dcm")).Dataset;
        var sequence = ds.OfType<DicomSequence>().First();
        var item = sequence.Items[0];
        Assert.True(item.TryGetString(DicomTags.PatientName, out var name));
        Assert.DoesNotContain('\u001b', name);
        Assert.DoesNotContain('?', name);
    }
}
