namespace XrayTriage.Dicom.Network.UpperLayer.Negotiation;

/// <summary>The outcome of negotiating an A-ASSOCIATE-RQ: the PDU to answer with and why.</summary>
/// <remarks>PS3.8 §9.3.3 (A-ASSOCIATE-AC) and §9.3.4 (A-ASSOCIATE-RJ).</remarks>
public sealed class AssociationDecision
{
    private AssociationDecision(Pdu response, string? rejectionReason)
    {
        Response = response;
        RejectionReason = rejectionReason;
    }

    /// <summary>Gets the A-ASSOCIATE-AC or A-ASSOCIATE-RJ to send.</summary>
    public Pdu Response { get; }

    /// <summary>Gets whether the association is accepted.</summary>
    public bool IsAccepted => Response is AAssociateAcPdu;

    /// <summary>Gets the acceptance, or <see langword="null"/> when rejected.</summary>
    public AAssociateAcPdu? Accept => Response as AAssociateAcPdu;

    /// <summary>Gets the rejection, or <see langword="null"/> when accepted.</summary>
    public AAssociateRjPdu? Reject => Response as AAssociateRjPdu;

    /// <summary>Gets a description of why the association was rejected, for the log and the operator.</summary>
    public string? RejectionReason { get; }

    internal static AssociationDecision Accepted(AAssociateAcPdu accept) => new(accept, null);

    internal static AssociationDecision Rejected(AAssociateRjPdu reject, string reason) => new(reject, reason);
}
