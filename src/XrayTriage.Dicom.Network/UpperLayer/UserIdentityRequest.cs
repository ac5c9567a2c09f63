namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>User Identity Negotiation, request form (sub-item 58H).</summary>
/// <remarks>PS3.7 Annex D.3.3.7.1.</remarks>
/// <param name="IdentityType">The kind of identity.</param>
/// <param name="PositiveResponseRequested">Whether the requestor asks for a 59H sub-item in the AC.</param>
/// <param name="PrimaryField">Username, ticket, assertion or token.</param>
/// <param name="SecondaryField">The passcode for <see cref="UserIdentityType.UsernameAndPasscode"/>, otherwise empty.</param>
public sealed record UserIdentityRequest(
    UserIdentityType IdentityType,
    bool PositiveResponseRequested,
    ReadOnlyMemory<byte> PrimaryField,
    ReadOnlyMemory<byte> SecondaryField);
