namespace XrayTriage.Core.Pipeline;

/// <summary>Why an image that passed the header eligibility rules was still given no class: the content gate's
/// verdict on what the pixels show. Persisted by name with the triage result and written into the report.</summary>
public enum NotAssessableReason
{
    /// <summary>The image's pooled ensemble features are too far from every training class (content-gate score above
    /// its threshold): not a frontal chest radiograph the model can read.</summary>
    NotChestRadiograph,

    /// <summary>The 8-bit gray plane is (nearly) constant: its 1st–99th percentile range is below the minimum.</summary>
    BlankImage,
}
