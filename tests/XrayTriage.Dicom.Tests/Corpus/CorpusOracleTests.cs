using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Every corpus file: read like pydicom reads it, or refuse it with DicomParseException for a stated reason.</summary>
public sealed class CorpusOracleTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    /// <summary>Files that dcmdump also refuses; we refuse them too, with the reason.</summary>
    internal static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["edge/nested-sequence_deeply-nested_orthanc.dcm"] = "nesting beyond MaxDepth (dcmdump segfaults, pydicom RecursionError)",
        ["edge/pixeldata-length-3gb-truncated_dcm4che.dcm"] = "Pixel Data declares 3 GiB, above MaxElementLength and the file size",
        ["edge/command-group-in-file_fo-dicom-GH626.dcm"] = "a (0000,0000) element whose length exceeds the file (dcmdump refuses too)",
        ["edge/encapsulated_bad-item-tag_fo-dicom-GH364.dcm"] = "an item tag where a data element must be (dcmdump and pydicom refuse)",
        ["edge/encapsulated_parse-error_fo-dicom-FreezePattern.dcm"] =
            "an item tag where a data element must be (dcmdump and pydicom refuse)",
        ["edge/multiframe-us_item-delimiter-missing_fo-dicom-DIRW0007.dcm"] =
            "a stray sequence delimiter in the top-level data set (dcmdump and pydicom refuse)",
        ["edge/no-meta_stray-leading-byte_explicit_ct_pydicom-no_meta.dcm"] =
            "one stray byte shifts every tag (pydicom misreads it, dcmdump refuses)",
        ["edge/sr-trial_wrong-vr-CS-in-0040A170_dcm4che.dcm"] =
            "a CS value where the dictionary says SQ in an implicit context (dcmdump refuses)",
        ["edge/truncated_in-sequence_pydicom-rtplan_truncated.dcm"] = "a sequence longer than the rest of the file (dcmdump refuses)",
        ["edge/truncated_pixeldata_pydicom-MR_truncated.dcm"] = "Pixel Data longer than the rest of the file (dcmdump refuses)",
        ["edge/vr-blank-duplicate-element_fo-dicom-GH179B.dcm"] =
            "a blank VR followed by a length past the end of the file (dcmdump refuses)",
    };

    /// <summary>Files pydicom cannot read that we read, and why that is right.</summary>
    internal static readonly Dictionary<string, string> ReadDespitePydicom = new(StringComparer.Ordinal)
    {
        ["edge/bigendian-implicit-undefined-length_fo-dicom-GH177.dcm"] =
            "dcmdump reads it too: Explicit VR Big Endian with undefined-length items",
    };

    /// <summary>Elements where pydicom is demonstrably wrong or lossy; the listed keys are checked by dedicated tests instead.</summary>
    internal static readonly Dictionary<string, (string[] Keys, string Reason)> PydicomDiverges = new(StringComparer.Ordinal)
    {
        ["edge/charset_chrGB2312_fo-dicom.dcm"] = (
            ["|00100010"],
            "pydicom 2.3.1 leaves the ESC $ ) A sequences in the decoded name; see CharacterSetCorpusTests"),
        ["edge/truncated_j2k-fragment_pydicom-emri_small_jpeg_2k_lossless_too_short.dcm"] = (
            ["|7FE00010"],
            "pydicom drops encapsulated Pixel Data that ends without a sequence delimiter; we keep the fragments read"),
        ["edge/encapsulated_missing-delimiter_fo-dicom-GH1339.dcm"] = (
            ["|7FE00010"],
            "pydicom drops encapsulated Pixel Data that ends without a sequence delimiter; we keep the fragments read"),
        ["edge/vr-blank_fo-dicom-GH179A.dcm"] = (
            ["|"],
            "blank VR at (0028,0120): pydicom reads a 4-byte length and swallows the rest; " +
            "we read a 16-bit length like DCMTK (checked in CorpusSpecificTests)"),
        ["edge/no-preamble-with-DICM-in-data_dcm4che.dcm"] = (
            ["|"],
            "no preamble, but 'DICM' appears at offset 128 inside a value: pydicom takes it for a Part 10 header " +
            "and yields one garbage element; we read the bare data set (checked in CorpusSpecificTests)"),
    };

    public static TheoryData<string> Files() => CorpusFiles.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public void Open_CorpusFile_MatchesPydicomOrFailsWithParseException(string file)
    {
        DicomFile ours;
        try
        {
            ours = DicomFile.Open(CorpusFiles.FullPath(file));
        }
        catch (DicomParseException ex)
        {
            Assert.True(Rejected.ContainsKey(file), $"Unexpected DicomParseException: {ex.Message}");
            Assert.True(ex.Offset >= 0, "the exception carries the byte offset");
            return;
        }

        Assert.False(Rejected.ContainsKey(file), "The file is listed as rejected but was read; update the list.");
        var expected = oracle.Results[file];
        if (!expected.Ok)
        {
            Assert.True(ReadDespitePydicom.ContainsKey(file), $"pydicom failed ({expected.Error}) but we read the file; explain why.");
            return;
        }

        var differences = OracleComparison.Differences(expected.Lines, CanonicalDump.Lines(ours), ours.TransferSyntax.IsBigEndian);
        if (PydicomDiverges.TryGetValue(file, out var divergence))
        {
            differences.RemoveAll(d => divergence.Keys.Any(k => d.Contains(k, StringComparison.Ordinal)));
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
    }

    [Fact]
    public void Oracle_Corpus_HasAllFiles()
    {
        Assert.Equal(115, CorpusFiles.All().Count);
        Assert.Equal(115, oracle.Results.Count);
        Assert.True(Directory.Exists(RepositoryPaths.DicomSamples));
    }
}
