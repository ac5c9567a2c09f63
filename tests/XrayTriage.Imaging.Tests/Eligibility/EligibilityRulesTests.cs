using XrayTriage.Dicom;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Eligibility;

/// <summary>What each real sample yields, and why. Pixel data stays on disk (read lazily); only the header is used.</summary>
public sealed class EligibilityRulesTests
{
    public static TheoryData<string, EligibilityReason, string> Samples => new()
    {
        // The real chest films: CR with and without Body Part / View Position.
        { "chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm", EligibilityReason.Eligible,
            "CR CHEST PA, ACR-NEMA style file" },
        { "chest/cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm", EligibilityReason.Eligible,
            "CR with Body Part and View absent" },
        { "chest/cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm", EligibilityReason.Eligible, "CR CHEST PA" },
        { "chest/cr_chest_pa_mono1_u15_jpegls-nearlossless_nema-RG1_JLSN.dcm", EligibilityReason.Eligible, "CR CHEST PA" },
        // Chest films stored as Secondary Capture: only when a site enables SC.
        { "chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm", EligibilityReason.SecondaryCaptureDisabled, "SC, off by default" },
        { "chest/dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm", EligibilityReason.SecondaryCaptureDisabled, "SC, off by default" },
        // Negative cases.
        { "other/dx_thorax_canine-lateral_mono1_u8_veterinary_highdicom.dcm", EligibilityReason.TooSmall,
            "a dog's lateral thorax, 169×211: below the minimum size" },
        { "other/ot_smpte-test-pattern_bodypart-chest_s16_dclunie.dcm", EligibilityReason.SecondaryCaptureDisabled,
            "a test pattern claiming CHEST, stored as SC" },
        { "other/ct_chest_mono2_s16_jpeg-lossless-sv1_barre-CT-MONO2-16-chest.dcm", EligibilityReason.SopClassNotSupported,
            "chest CT, not a radiograph" },
        { "other/mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm", EligibilityReason.SopClassNotSupported, "MR" },
        { "other/us_palette-color_rle_pydicom-OBXXXX1A_rle.dcm", EligibilityReason.SopClassNotSupported, "ultrasound" },
        { "other/mg_breast_mlo_mono2_u12_jpeg-lossless_voi-lut_multi-wc.dcm", EligibilityReason.SopClassNotSupported, "mammogram" },
        { "other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm", EligibilityReason.BodyPartNotChest, "CR of an extremity" },
        { "other/cr_hip_mono2_u10_jpeg-extended_nema-RG2_JPLY.dcm", EligibilityReason.BodyPartNotChest, "CR of a hip" },
        { "other/cr_dental-panoramic_mono1_u10_jpeg-lossless_modality-lut-seq.dcm", EligibilityReason.BodyPartNotChest,
            "no Body Part, descriptions say TEETH" },
        { "other/encapsulated-pdf_orthanc-sample-pdf.dcm", EligibilityReason.SopClassNotSupported, "a PDF" },
        { "edge/cr_no-pixeldata_charset-iso2022-ir100_orthanc-CR000000.dcm", EligibilityReason.BodyPartNotChest,
            "CR whose Body Part is \"Becken\" (pelvis)" },
        { "edge/dx_voi-lut_no-pixeldata_orthanc-Issue56.dcm", EligibilityReason.NonHumanPatient,
            "DX whose Patient Species Description is a dog breed (Cyrillic)" },
        { "edge/oob-dimensions_65535x65535_orthanc.dcm", EligibilityReason.SecondaryCaptureDisabled, "absurd dimensions, but an SC first" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Evaluate_Sample_GivesTheExpectedReason(string sample, EligibilityReason expected, string why)
    {
        var dataset = Header(sample);

        var decision = EligibilityRules.Evaluate(dataset, EligibilityOptions.Default);

        Assert.True(expected == decision.Reason, $"{sample} ({why}): expected {expected}, got {decision}");
        Assert.False(string.IsNullOrWhiteSpace(decision.Detail));
    }

    [Theory]
    [InlineData("chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm", EligibilityReason.Eligible)]
    [InlineData("chest/dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm", EligibilityReason.Eligible)]
    [InlineData("other/ot_smpte-test-pattern_bodypart-chest_s16_dclunie.dcm", EligibilityReason.ModalityNotSupported)]
    public void Evaluate_SecondaryCaptureAllowed_JudgesByModality(string sample, EligibilityReason expected)
    {
        var decision = EligibilityRules.Evaluate(Header(sample), EligibilityOptions.Default with { AllowSecondaryCapture = true });

        Assert.Equal(expected, decision.Reason);
    }

    [Theory]
    [InlineData("LL", EligibilityReason.ViewNotFrontal)]
    [InlineData("RL", EligibilityReason.ViewNotFrontal)]
    [InlineData("AP", EligibilityReason.Eligible)]
    public void Evaluate_ViewPosition_OnlyFrontalViews(string view, EligibilityReason expected)
    {
        var dataset = Header("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");
        dataset.AddOrUpdate(new DicomElement(
            DicomTags.ViewPosition, DicomVR.CS, DicomBuffer.FromBytes(System.Text.Encoding.ASCII.GetBytes(view))));

        Assert.Equal(expected, EligibilityRules.Evaluate(dataset, EligibilityOptions.Default).Reason);
    }

    [Theory]
    [InlineData("A\\F", EligibilityReason.ViewNotFrontal)]
    [InlineData("P\\F", EligibilityReason.ViewNotFrontal)]
    [InlineData("PH\\F", EligibilityReason.ViewNotFrontal)]
    [InlineData("L\\F", EligibilityReason.Eligible)] // the PA samples' own value
    [InlineData("R\\F", EligibilityReason.Eligible)]
    public void Evaluate_PatientOrientationWithoutViewPosition_AnteriorPosteriorRowsAreLateral(
        string orientation, EligibilityReason expected)
    {
        var dataset = Header("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");
        dataset.Remove(DicomTags.ViewPosition);
        dataset.AddOrUpdate(DicomTags.PatientOrientation, DicomVR.CS, orientation.Split('\\'));

        var decision = EligibilityRules.Evaluate(dataset, EligibilityOptions.Default);

        Assert.Equal(expected, decision.Reason);
        if (expected == EligibilityReason.ViewNotFrontal)
        {
            Assert.Contains("lateral projection", decision.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("left lateral", EligibilityReason.ViewNotFrontal)]
    [InlineData("latero-medial", EligibilityReason.ViewNotFrontal)]
    [InlineData("postero-anterior", EligibilityReason.Eligible)]
    [InlineData("left lateral decubitus", EligibilityReason.Eligible)] // a frontal film taken lying on the side
    public void Evaluate_ViewCodeSequenceWithoutViewPosition_LateralMeaningsRefused(string meaning, EligibilityReason expected)
    {
        var dataset = Header("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");
        dataset.Remove(DicomTags.ViewPosition);
        dataset.AddOrUpdate(new DicomSequence(
            DicomTags.ViewCodeSequence, new DicomDataset().Add(DicomTags.CodeMeaning, DicomVR.LO, meaning)));

        Assert.Equal(expected, EligibilityRules.Evaluate(dataset, EligibilityOptions.Default).Reason);
    }

    [Fact]
    public void Evaluate_AbsurdDimensions_InvalidPixelAttributesWithoutAllocating()
    {
        var dataset = Header("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");
        dataset.AddOrUpdate(new DicomElement(DicomTags.Rows, DicomVR.US, DicomBuffer.FromBytes(new byte[] { 0xFF, 0xFF })));
        dataset.AddOrUpdate(new DicomElement(DicomTags.Columns, DicomVR.US, DicomBuffer.FromBytes(new byte[] { 0xFF, 0xFF })));

        var decision = EligibilityRules.Evaluate(dataset, EligibilityOptions.Default);

        Assert.Equal(EligibilityReason.InvalidPixelAttributes, decision.Reason);
        Assert.Contains("over the limit", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ChestHeaderWithoutPixelData_NoPixelData()
    {
        var dataset = Header("chest/cr_chest_pa_mono1_u10_implicit_no-meta_CR-MONO1-10-chest.dcm");
        dataset.Remove(DicomTags.PixelData);

        Assert.Equal(EligibilityReason.NoPixelData, EligibilityRules.Evaluate(dataset, EligibilityOptions.Default).Reason);
    }

    private static DicomDataset Header(string sample) =>
        DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample)).Dataset;
}
