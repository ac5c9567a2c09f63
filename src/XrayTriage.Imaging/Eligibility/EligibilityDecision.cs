namespace XrayTriage.Imaging.Eligibility;

/// <summary>The decision for one instance and a short reason a person can read (no patient data).</summary>
public sealed record EligibilityDecision(EligibilityReason Reason, string Detail)
{
    public bool IsEligible => Reason == EligibilityReason.Eligible;

    public override string ToString() => IsEligible ? "eligible: " + Detail : $"not eligible ({Reason}): {Detail}";
}
