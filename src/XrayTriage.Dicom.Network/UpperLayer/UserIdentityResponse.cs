namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>User Identity Negotiation, accept form (sub-item 59H).</summary>
/// <remarks>PS3.7 Annex D.3.3.7.2.</remarks>
/// <param name="ServerResponse">The server response (empty for username identities).</param>
public sealed record UserIdentityResponse(ReadOnlyMemory<byte> ServerResponse);
