namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-ASSOCIATE-RQ PDU: the requestor proposes an association.</summary>
/// <remarks>
/// PS3.8 §9.3.2, Table 9-11: protocol version, called and calling AE titles, then one Application
/// Context item, one or more Presentation Context items (20H) and one User Information item.
/// </remarks>
public sealed class AAssociateRqPdu : Pdu
{
    /// <summary>Gets the DICOM application context name.</summary>
    public const string DicomApplicationContext = AssociationPduCodec.DicomApplicationContext;

    /// <inheritdoc />
    public override PduType Type => PduType.AAssociateRq;

    /// <summary>Gets the protocol version bit field; bit 0 set means version 1 (the only one defined).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>Gets the AE title of the intended acceptor.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Gets the AE title of the requestor.</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>Gets the application context name.</summary>
    public string ApplicationContextName { get; init; } = DicomApplicationContext;

    /// <summary>Gets the proposed presentation contexts.</summary>
    public required IReadOnlyList<PresentationContextRequest> PresentationContexts { get; init; }

    /// <summary>Gets the user information (maximum length, implementation identity, negotiation sub-items).</summary>
    public UserInformation UserInformation { get; init; } = new();

    internal static AAssociateRqPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-ASSOCIATE-RQ");
        var version = reader.ReadUInt16();
        reader.Skip(2);
        var called = reader.ReadAeTitle();
        var calling = reader.ReadAeTitle();
        reader.Skip(32);
        var contexts = new List<PresentationContextRequest>();
        var (applicationContext, userInformation) = AssociationPduCodec.ReadItems(
            ref reader,
            ItemType.PresentationContextRequest,
            (ref PduSpanReader item) => contexts.Add(PresentationContextRequest.Read(ref item)));
        if (contexts.Count == 0)
        {
            throw reader.Error("no presentation context item");
        }

        return new AAssociateRqPdu
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = applicationContext,
            PresentationContexts = contexts,
            UserInformation = userInformation,
        };
    }

    private protected override void WriteBody(PduBuffer buffer)
    {
        AssociationPduCodec.WriteFixedFields(buffer, ProtocolVersion, CalledAeTitle, CallingAeTitle, validateAeTitles: true);
        AssociationPduCodec.WriteApplicationContext(buffer, ApplicationContextName);
        foreach (var context in PresentationContexts)
        {
            context.Write(buffer);
        }

        UserInformation.Write(buffer);
    }
}
