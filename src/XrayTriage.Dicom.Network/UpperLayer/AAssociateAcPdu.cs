namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-ASSOCIATE-AC PDU: the acceptor accepts the association, context by context.</summary>
/// <remarks>
/// PS3.8 §9.3.3, Table 9-17: the AE title fields echo the request and are not tested on receipt; then one
/// Application Context item, one Presentation Context item (21H) per proposed context and one User
/// Information item.
/// </remarks>
public sealed class AAssociateAcPdu : Pdu
{
    /// <inheritdoc />
    public override PduType Type => PduType.AAssociateAc;

    /// <summary>Gets the protocol version bit field; bit 0 set means version 1.</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>Gets the called AE title echoed from the request (not tested on receipt).</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Gets the calling AE title echoed from the request (not tested on receipt).</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>Gets the application context name.</summary>
    public string ApplicationContextName { get; init; } = AssociationPduCodec.DicomApplicationContext;

    /// <summary>Gets the result of each proposed presentation context.</summary>
    public required IReadOnlyList<PresentationContextAccept> PresentationContexts { get; init; }

    /// <summary>Gets the acceptor's user information.</summary>
    public UserInformation UserInformation { get; init; } = new();

    internal static AAssociateAcPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-ASSOCIATE-AC");
        var version = reader.ReadUInt16();
        reader.Skip(2);
        var called = reader.ReadUntestedAeTitle();
        var calling = reader.ReadUntestedAeTitle();
        reader.Skip(32);
        var contexts = new List<PresentationContextAccept>();
        var (applicationContext, userInformation) = AssociationPduCodec.ReadItems(
            ref reader,
            ItemType.PresentationContextAccept,
            (ref PduSpanReader item) => contexts.Add(PresentationContextAccept.Read(ref item)));
        return new AAssociateAcPdu
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
        AssociationPduCodec.WriteFixedFields(buffer, ProtocolVersion, CalledAeTitle, CallingAeTitle, validateAeTitles: false);
        AssociationPduCodec.WriteApplicationContext(buffer, ApplicationContextName);
        foreach (var context in PresentationContexts)
        {
            context.Write(buffer);
        }

        UserInformation.Write(buffer);
    }
}
