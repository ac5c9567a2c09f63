namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>SOP Class Extended Negotiation (sub-item 56H).</summary>
/// <remarks>PS3.7 Annex D.3.3.5: a SOP class UID and service-class-specific application information.</remarks>
/// <param name="SopClassUid">The SOP class UID.</param>
/// <param name="ServiceClassApplicationInformation">The opaque, service-class-specific bytes.</param>
public sealed record SopClassExtendedNegotiation(string SopClassUid, ReadOnlyMemory<byte> ServiceClassApplicationInformation);
