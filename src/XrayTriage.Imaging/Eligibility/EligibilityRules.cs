using XrayTriage.Dicom;
using XrayTriage.Imaging.Colour;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Eligibility;

/// <summary>Decides whether an instance is a chest radiograph this service triages. Works on the header only.</summary>
public static class EligibilityRules
{
    public const string ComputedRadiography = "1.2.840.10008.5.1.4.1.1.1";
    public const string DigitalXRayForPresentation = "1.2.840.10008.5.1.4.1.1.1.1";
    public const string DigitalXRayForProcessing = "1.2.840.10008.5.1.4.1.1.1.1.1";
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    public static EligibilityDecision Evaluate(DicomDataset dataset, EligibilityOptions options, ImagingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var sopClass = Text(dataset, DicomTags.SOPClassUID);
        var modality = Text(dataset, DicomTags.Modality);
        if (sopClass == SecondaryCapture)
        {
            if (!options.AllowSecondaryCapture)
            {
                return No(
                    EligibilityReason.SecondaryCaptureDisabled,
                    "Secondary Capture instances are not triaged (Triage:AllowSecondaryCapture is off)");
            }
        }
        else if (sopClass is not (ComputedRadiography or DigitalXRayForPresentation or DigitalXRayForProcessing))
        {
            var registered = DicomUid.Lookup(sopClass);
            var name = registered.IsKnown ? registered.Name : sopClass;
            return No(EligibilityReason.SopClassNotSupported, $"SOP class {name} is not CR or DX");
        }

        if (!options.Modalities.Contains(modality))
        {
            return No(
                EligibilityReason.ModalityNotSupported,
                $"Modality \"{modality}\" is not one of {string.Join("/", options.Modalities)}");
        }

        if (Text(dataset, DicomTags.PatientSpeciesDescription) is { Length: > 0 } species
            && !species.Contains("HOMO SAPIENS", StringComparison.OrdinalIgnoreCase)
            && !species.Contains("HUMAN", StringComparison.OrdinalIgnoreCase))
        {
            return No(EligibilityReason.NonHumanPatient, "Patient Species Description names a non-human patient");
        }

        var bodyPart = Text(dataset, DicomTags.BodyPartExamined).ToUpperInvariant();
        if (bodyPart.Length > 0 && !options.BodyParts.Contains(bodyPart))
        {
            return No(EligibilityReason.BodyPartNotChest, $"Body Part Examined is {bodyPart}");
        }

        if (bodyPart.Length == 0 && DescriptionHints.NonChestRegion(
                [
                    Text(dataset, DicomTags.StudyDescription),
                    Text(dataset, DicomTags.SeriesDescription),
                    Text(dataset, DicomTags.ProtocolName),
                ]) is { } region)
        {
            return No(EligibilityReason.BodyPartNotChest, $"Body Part Examined is absent and the descriptions name {region}");
        }

        var view = Text(dataset, DicomTags.ViewPosition).ToUpperInvariant();
        if (view.Length > 0 && !options.ViewPositions.Contains(view))
        {
            return No(EligibilityReason.ViewNotFrontal, $"View Position {view} is not frontal ({string.Join("/", options.ViewPositions)})");
        }

        if (ViewHints.LateralProjection(dataset) is { } lateral)
        {
            return No(EligibilityReason.ViewNotFrontal, lateral);
        }

        if (!dataset.Contains(DicomTags.PixelData))
        {
            return No(EligibilityReason.NoPixelData, "the instance has no Pixel Data");
        }

        PixelGeometry geometry;
        try
        {
            geometry = PixelGeometry.FromDataset(dataset, limits ?? ImagingLimits.Default);
        }
        catch (ImagingException ex)
        {
            return No(EligibilityReason.InvalidPixelAttributes, ex.Message);
        }

        // Film digitisers, secondary captures and some DX exports send chest films in colour: those are triaged on
        // their luminance (the imaging pipeline's one path), and the decision says the source was colour.
        var colour = LuminanceImage.IsColour(geometry);
        if (!colour && (!geometry.IsMonochrome || geometry.SamplesPerPixel != 1))
        {
            return No(
                EligibilityReason.NotMonochrome,
                $"Photometric Interpretation is {geometry.PhotometricInterpretation}, neither grayscale nor a supported colour model");
        }

        if (geometry.Frames != 1)
        {
            return No(EligibilityReason.MultiFrame, $"{geometry.Frames} frames; a radiograph has one");
        }

        if (geometry.Rows < options.MinimumSize || geometry.Columns < options.MinimumSize)
        {
            return No(
                EligibilityReason.TooSmall,
                $"{geometry.Columns}×{geometry.Rows} is below the minimum of {options.MinimumSize}×{options.MinimumSize}");
        }

        var where = bodyPart.Length > 0 ? bodyPart : "body part not stated";
        var how = view.Length > 0 ? view : "view not stated";
        var source = colour
            ? $"{geometry.PhotometricInterpretation} (colour source, triaged on luminance)"
            : geometry.PhotometricInterpretation;
        return new EligibilityDecision(
            EligibilityReason.Eligible, $"{modality} {where}, {how}, {geometry.Columns}×{geometry.Rows} {source}");
    }

    private static EligibilityDecision No(EligibilityReason reason, string detail) => new(reason, detail);

    private static string Text(DicomDataset dataset, DicomTag tag)
        => dataset.TryGetString(tag, out var value) ? value.Trim() : "";
}
