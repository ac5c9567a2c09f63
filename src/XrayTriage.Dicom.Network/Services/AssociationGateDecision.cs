using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>What an <see cref="IAssociationGate"/> answers: accept, or reject with the A-ASSOCIATE-RJ to send and why.</summary>
/// <remarks>
/// PS3.8 §7.1.1.9 (Result, Result Source, Diagnostic) and §9.3.4, Table 9-21. A condition of the acceptor that will
/// clear by itself (resources, load) is <em>rejected-transient</em>, so a requestor may try again later; the only
/// reasons Table 9-21 offers for it are the presentation service-provider's "temporary-congestion" (1) and
/// "local-limit-exceeded" (2) — the service-user source has no resource reason (only no-reason-given,
/// application-context-name-not-supported, calling- and called-AE-title-not-recognized), so "local-limit-exceeded"
/// cannot be combined with it. <see cref="RejectTemporaryCongestion"/> is the usual answer for a resource shortage;
/// "local-limit-exceeded" is what <see cref="DicomScp"/> itself sends when <see cref="DicomScpOptions.MaxAssociations"/>
/// is reached, so the two stay distinguishable for the requestor's operator.
/// </remarks>
public sealed class AssociationGateDecision
{
    private AssociationGateDecision(AAssociateRjPdu? rejection, string? reason)
    {
        Rejection = rejection;
        Reason = reason;
    }

    /// <summary>Gets the decision to accept the association.</summary>
    public static AssociationGateDecision Accept { get; } = new(null, null);

    /// <summary>Gets whether the association is accepted.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>Gets the A-ASSOCIATE-RJ to send, or <see langword="null"/> when accepted.</summary>
    public AAssociateRjPdu? Rejection { get; }

    /// <summary>Gets why the association is rejected, for the log and the operator (no patient data);
    /// <see langword="null"/> when accepted.</summary>
    public string? Reason { get; }

    /// <summary>Rejects with the given A-ASSOCIATE-RJ fields.</summary>
    /// <param name="rejection">Result, source and reason to send (PS3.8 Table 9-21).</param>
    /// <param name="reason">Why, for the log and the operator.</param>
    /// <returns>The decision.</returns>
    public static AssociationGateDecision Reject(AAssociateRjPdu rejection, string reason)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AssociationGateDecision(rejection, reason);
    }

    /// <summary>Rejects transiently: result rejected-transient (2), source DICOM UL service-provider (presentation
    /// related function) (3), reason temporary-congestion (1).</summary>
    /// <param name="reason">Why, for the log and the operator.</param>
    /// <returns>The decision.</returns>
    public static AssociationGateDecision RejectTemporaryCongestion(string reason) =>
        Reject(AAssociateRjPdu.ByPresentation(AssociateRejectResult.Transient, PresentationRejectReason.TemporaryCongestion), reason);
}
