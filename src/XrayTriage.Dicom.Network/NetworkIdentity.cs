namespace XrayTriage.Dicom.Network;

/// <summary>How this toolkit identifies itself in association negotiation.</summary>
/// <remarks>PS3.7 Annex D.3.3.2 (Implementation Class UID and Version Name).</remarks>
public static class NetworkIdentity
{
    /// <summary>The implementation class UID (under the UUID-derived 2.25 root, PS3.5 §B.2).</summary>
    public const string ImplementationClassUid = "2.25.139281845603944361358512397432937114411";

    /// <summary>The implementation version name (at most 16 characters).</summary>
    public const string ImplementationVersionName = "XRAYTRIAGE_010";
}
