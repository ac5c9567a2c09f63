namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>SOP Class Common Extended Negotiation (sub-item 57H, request only).</summary>
/// <remarks>PS3.7 Annex D.3.3.6.</remarks>
/// <param name="SopClassUid">The SOP class UID.</param>
/// <param name="ServiceClassUid">The service class UID.</param>
/// <param name="RelatedGeneralSopClassUids">Related general SOP class UIDs (may be empty).</param>
public sealed record SopClassCommonExtendedNegotiation(
    string SopClassUid, string ServiceClassUid, IReadOnlyList<string> RelatedGeneralSopClassUids);
