namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The A-ASSOCIATE-RJ PDU: the acceptor refuses the association.</summary>
/// <remarks>PS3.8 §9.3.4, Table 9-21: reserved, result, source, reason/diagnostic.</remarks>
public sealed class AAssociateRjPdu : Pdu
{
    /// <summary>Creates an A-ASSOCIATE-RJ PDU from raw field values.</summary>
    /// <param name="result">Permanent or transient.</param>
    /// <param name="source">Which part of the acceptor rejected.</param>
    /// <param name="reason">The reason code, interpreted according to <paramref name="source"/>.</param>
    public AAssociateRjPdu(AssociateRejectResult result, AssociateRejectSource source, byte reason)
    {
        Result = result;
        Source = source;
        Reason = reason;
    }

    /// <inheritdoc />
    public override PduType Type => PduType.AAssociateRj;

    /// <summary>Gets whether the rejection is permanent or transient.</summary>
    public AssociateRejectResult Result { get; }

    /// <summary>Gets which part of the acceptor rejected.</summary>
    public AssociateRejectSource Source { get; }

    /// <summary>Gets the raw reason code; see <see cref="ServiceUserRejectReason"/>, <see cref="AcseRejectReason"/>,
    /// <see cref="PresentationRejectReason"/>.</summary>
    public byte Reason { get; }

    /// <summary>Creates a rejection by the service-user.</summary>
    /// <param name="result">Permanent or transient.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The PDU.</returns>
    public static AAssociateRjPdu ByServiceUser(AssociateRejectResult result, ServiceUserRejectReason reason) =>
        new(result, AssociateRejectSource.ServiceUser, (byte)reason);

    /// <summary>Creates a rejection by the ACSE service-provider.</summary>
    /// <param name="result">Permanent or transient.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The PDU.</returns>
    public static AAssociateRjPdu ByAcse(AssociateRejectResult result, AcseRejectReason reason) =>
        new(result, AssociateRejectSource.ServiceProviderAcse, (byte)reason);

    /// <summary>Creates a rejection by the presentation service-provider.</summary>
    /// <param name="result">Permanent or transient.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The PDU.</returns>
    public static AAssociateRjPdu ByPresentation(AssociateRejectResult result, PresentationRejectReason reason) =>
        new(result, AssociateRejectSource.ServiceProviderPresentation, (byte)reason);

    /// <summary>Describes the rejection in words an administrator can act on.</summary>
    /// <returns>For example "rejected-permanent by service-user: called AE title not recognized (7)".</returns>
    public string Describe()
    {
        var reason = Source switch
        {
            AssociateRejectSource.ServiceUser => ((ServiceUserRejectReason)Reason).ToString(),
            AssociateRejectSource.ServiceProviderAcse => ((AcseRejectReason)Reason).ToString(),
            AssociateRejectSource.ServiceProviderPresentation => ((PresentationRejectReason)Reason).ToString(),
            _ => "unknown",
        };
        return $"rejected-{Result} by {Source}: {reason} ({Reason})";
    }

    /// <summary>Creates the exception a requestor raises for this rejection, transient when rejected-transient.</summary>
    /// <param name="peer">The peer as the operator knows it (AE title, host and port).</param>
    /// <returns>The exception to throw.</returns>
    public DicomNetworkException ToException(string peer) =>
        new($"Association with {peer} was {Describe()}.", isTransient: Result == AssociateRejectResult.Transient);

    internal static AAssociateRjPdu ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new PduSpanReader(body, "A-ASSOCIATE-RJ");
        reader.Skip(1);
        var result = reader.ReadByte();
        var source = reader.ReadByte();
        var reason = reader.ReadByte();
        return reader.IsAtEnd
            ? new AAssociateRjPdu((AssociateRejectResult)result, (AssociateRejectSource)source, reason)
            : throw reader.Error("unexpected trailing bytes");
    }

    private protected override void WriteBody(PduBuffer buffer)
    {
        buffer.WriteByte(0);
        buffer.WriteByte((byte)Result);
        buffer.WriteByte((byte)Source);
        buffer.WriteByte(Reason);
    }
}
