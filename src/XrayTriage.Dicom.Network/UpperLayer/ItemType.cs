namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The item and sub-item types carried in A-ASSOCIATE-RQ/AC PDUs.</summary>
/// <remarks>PS3.8 §9.3.2–§9.3.3 and PS3.7 Annex D.3.3.</remarks>
public enum ItemType : byte
{
    /// <summary>Application Context item (10H).</summary>
    ApplicationContext = 0x10,

    /// <summary>Presentation Context item, request form (20H).</summary>
    PresentationContextRequest = 0x20,

    /// <summary>Presentation Context item, accept form (21H).</summary>
    PresentationContextAccept = 0x21,

    /// <summary>Abstract Syntax sub-item (30H).</summary>
    AbstractSyntax = 0x30,

    /// <summary>Transfer Syntax sub-item (40H).</summary>
    TransferSyntax = 0x40,

    /// <summary>User Information item (50H).</summary>
    UserInformation = 0x50,

    /// <summary>Maximum Length sub-item (51H).</summary>
    MaximumLength = 0x51,

    /// <summary>Implementation Class UID sub-item (52H).</summary>
    ImplementationClassUid = 0x52,

    /// <summary>Asynchronous Operations Window sub-item (53H).</summary>
    AsynchronousOperationsWindow = 0x53,

    /// <summary>SCP/SCU Role Selection sub-item (54H).</summary>
    RoleSelection = 0x54,

    /// <summary>Implementation Version Name sub-item (55H).</summary>
    ImplementationVersionName = 0x55,

    /// <summary>SOP Class Extended Negotiation sub-item (56H).</summary>
    SopClassExtendedNegotiation = 0x56,

    /// <summary>SOP Class Common Extended Negotiation sub-item (57H).</summary>
    SopClassCommonExtendedNegotiation = 0x57,

    /// <summary>User Identity Negotiation sub-item, request form (58H).</summary>
    UserIdentityRequest = 0x58,

    /// <summary>User Identity Negotiation sub-item, accept form (59H).</summary>
    UserIdentityResponse = 0x59,
}
