namespace XrayTriage.Dicom.Network.UpperLayer.Negotiation;

/// <summary>What an SCP accepts: its AE title, who may call, which SOP classes and transfer syntaxes.</summary>
/// <remarks>PS3.8 §7.1 (A-ASSOCIATE parameters) and PS3.7 Annex D.3.</remarks>
public sealed class AssociationPolicy
{
    /// <summary>Gets the AE title this SCP answers to.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Gets whether the called AE title must equal <see cref="CalledAeTitle"/>; when <see langword="false"/>
    /// (the default, as DCMTK's storescp and Orthanc) any valid called AE title is accepted.</summary>
    /// <remarks>PS3.8 §9.3.4 (A-ASSOCIATE-RJ reason 7, called-AE-title-not-recognized).</remarks>
    public bool RequireCalledAeTitle { get; init; }

    /// <summary>Gets the calling AE titles allowed to associate; <see langword="null"/> allows any.</summary>
    public IReadOnlySet<string>? AllowedCallingAeTitles { get; init; }

    /// <summary>Gets the calling peers allowed, each optionally tied to a source address; <see langword="null"/> allows any.
    /// Both this and <see cref="AllowedCallingAeTitles"/> must allow a request when both are set.</summary>
    public IReadOnlyList<AllowedPeer>? AllowedCallingPeers { get; init; }

    /// <summary>Gets the abstract syntaxes (SOP class UIDs) the SCP accepts.</summary>
    public required IReadOnlySet<string> AcceptedAbstractSyntaxes { get; init; }

    /// <summary>Gets the transfer syntaxes the SCP accepts, most preferred first.</summary>
    public required IReadOnlyList<string> TransferSyntaxPreference { get; init; }

    /// <summary>Gets the Maximum Length sub-item value to advertise for received P-DATA-TF PDUs.</summary>
    public uint MaxReceivePduLength { get; init; } = PduLimits.DefaultMaxPDataPduLength;

    /// <summary>Gets the implementation class UID to send.</summary>
    public required string ImplementationClassUid { get; init; }

    /// <summary>Gets the implementation version name to send (at most 16 characters).</summary>
    public string? ImplementationVersionName { get; init; }
}
