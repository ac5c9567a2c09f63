using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests;

/// <summary>
/// The shared samples we are expected not to render, each with the words its error must contain. Every other sample
/// must render: a sample that stops rendering fails <see cref="CorpusRobustnessTests"/> and
/// <see cref="DisplayPipelineTests"/> instead of quietly leaving the DCMTK comparison.
/// </summary>
internal static class RenderExpectations
{
    /// <remarks>Most have no image (SR, PDF, waveform, query identifiers, character set tests: "Rows is missing",
    /// "has no Pixel Data"); the rest are hostile or damaged files, syntaxes without a decoder, and subsampled
    /// JPEG colour, which the baseline decoder does not decode yet.</remarks>
    public static IReadOnlyDictionary<string, string> NotRendered { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["edge/bad-vr_pydicom-badVR.dcm"] = "Number of Frames (0028,0008) is not an integer",
        ["edge/cfind-identifier-no-meta_orthanc-ZeissOCT-cfind-query.dcm"] = "Rows is missing",
        ["edge/charset_chrJapMultiExplicitIR6_dclunie.dcm"] = "has no Pixel Data",
        ["edge/charset_chrJapMulti_dclunie.dcm"] = "has no Pixel Data",
        ["edge/charset_chrKoreanMulti_dclunie.dcm"] = "has no Pixel Data",
        ["edge/charset_chrSQEncoding1_dclunie.dcm"] = "Rows is missing",
        ["edge/charset_chrSQEncoding_dclunie.dcm"] = "Rows is missing",
        ["edge/command-group-in-file_fo-dicom-GH626.dcm"] = "exceeds the 131084 bytes left",
        ["edge/cr_no-pixeldata_charset-iso2022-ir100_orthanc-CR000000.dcm"] = "has no Pixel Data",
        ["edge/deflate-with-sequence_fo-dicom-Issue1097.dcm"] = "Rows is missing",
        ["edge/dx_voi-lut_no-pixeldata_orthanc-Issue56.dcm"] = "has no Pixel Data",
        ["edge/empty-charset_pydicom-empty_charset_LEI.dcm"] = "Rows is missing",
        ["edge/encapsulated_bad-item-tag_fo-dicom-GH364.dcm"] = "unexpected item",
        ["edge/encapsulated_parse-error_fo-dicom-FreezePattern.dcm"] = "unexpected item",
        ["edge/j2k-fragment-contains-delimiter-bytes_pydicom.dcm"] = "JPEG 2000: SIZ says",
        ["edge/meta-missing-transfer-syntax_pydicom.dcm"] = "Rows is missing",
        ["edge/multiframe-us_item-delimiter-missing_fo-dicom-DIRW0007.dcm"] = "unexpected delimiter",
        ["edge/nested-sequence_deeply-nested_orthanc.dcm"] = "nested deeper than 64 levels",
        ["edge/no-meta-group-length_pydicom.dcm"] = "Rows is missing",
        ["edge/no-meta_bigendian-explicit_pydicom-ExplVR_BigEndNoMeta.dcm"] = "Rows is missing",
        ["edge/no-meta_implicit_12bit-allocated_fo-dicom-GH340.dcm"] = "Bits Allocated 12 is not supported",
        ["edge/no-meta_littleendian-explicit_pydicom-ExplVR_LitEndNoMeta.dcm"] = "Rows is missing",
        ["edge/no-meta_stray-leading-byte_explicit_ct_pydicom-no_meta.dcm"] = "exceeds the 38863 bytes left",
        ["edge/no-preamble-with-DICM-in-data_dcm4che.dcm"] = "Rows is missing",
        ["edge/oob-dimensions_46341x46341_orthanc.dcm"] = "over the limit",
        ["edge/oob-dimensions_65535x65535_orthanc.dcm"] = "over the limit",
        ["edge/pixeldata-length-3gb-truncated_dcm4che.dcm"] = "exceeds the limit",
        ["edge/private-sq_nested_pydicom-nested_priv_SQ.dcm"] = "Rows is missing",
        ["edge/private-sq_undefined-length_pydicom-priv_SQ.dcm"] = "Rows is missing",
        ["edge/sr-trial_wrong-vr-CS-in-0040A170_dcm4che.dcm"] = "expected an item (FFFE,E000)",
        ["edge/truncated_in-sequence_pydicom-rtplan_truncated.dcm"] = "exceeds the 711 bytes left",
        ["edge/truncated_pixeldata_pydicom-MR_truncated.dcm"] = "(7FE0,0010)",
        ["edge/un-sequence_pydicom-UN_sequence.dcm"] = "Rows is missing",
        ["edge/vr-blank-duplicate-element_fo-dicom-GH179B.dcm"] = "exceeds the 1384 bytes left",
        ["edge/vr-blank_fo-dicom-GH179A.dcm"] = "has no Pixel Data",
        ["other/ecg_waveform_pydicom-waveform_ecg.dcm"] = "Rows is missing",
        ["other/encapsulated-pdf_orthanc-sample-pdf.dcm"] = "Rows is missing",
        ["other/sc_rgb_htj2k-lossy_pydicom-HTJ2K_08_RGB.dcm"] = "Unsupported transfer syntax: High-Throughput JPEG 2000",
        ["other/seg_deflated-image-frame_pydicom-liver_deflate.dcm"] = "Unsupported transfer syntax: Deflated Image Frame Compression",
        ["other/us_ybr-full-422_jpeg-xl_dcm4che-will-jxl.dcm"] = "Unsupported transfer syntax: JPEG XL",
        ["other/us_ybr-full-422_multiframe_jpeg-baseline_pydicom-examples_ybr_color.dcm"] = "JPEG: subsampled colour",
        ["sr/sr_basic-text_collective-minds_IM0.dcm"] = "Rows is missing",
        ["sr/sr_basic-text_consultation_cornerstone-no-pixel-data.dcm"] = "Rows is missing",
        ["sr/sr_basic-text_latin2_MarekLatin2.dcm"] = "Rows is missing",
        ["sr/sr_basic-text_reportsi.dcm"] = "Rows is missing",
        ["sr/sr_comprehensive3d_tid1500_measurement-report_highdicom.dcm"] = "Rows is missing",
        ["sr/sr_comprehensive3d_tid1500_multiple-groups_highdicom.dcm"] = "Rows is missing",
        ["sr/sr_comprehensive_nested_offis-srdoc-test.dcm"] = "Rows is missing",
        ["sr/sr_enhanced_deflated_dclunie-report_dfl.dcm"] = "Rows is missing",
    };

    public static IEnumerable<string> AllSamples()
        => Directory.GetFiles(RepositoryPaths.DicomSamples, "*.dcm", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryPaths.DicomSamples, file))
            .Order(StringComparer.Ordinal);
}
