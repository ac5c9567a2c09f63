namespace XrayTriage.Imaging.Eligibility;

/// <summary>Why an instance is or is not triaged; stored with the instance, so nothing is skipped silently.</summary>
public enum EligibilityReason
{
    Eligible,
    SopClassNotSupported,
    SecondaryCaptureDisabled,
    ModalityNotSupported,
    BodyPartNotChest,
    ViewNotFrontal,
    NotMonochrome,
    MultiFrame,
    TooSmall,
    NoPixelData,
    NonHumanPatient,
    InvalidPixelAttributes,
}
