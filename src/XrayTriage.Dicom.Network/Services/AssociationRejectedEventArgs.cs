using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>An A-ASSOCIATE-RQ <see cref="DicomScp"/> rejected: the A-ASSOCIATE-RJ has been sent.</summary>
/// <remarks>PS3.8 §7.1.1.9 and §9.3.4, Table 9-21 (result, source, reason).</remarks>
public sealed class AssociationRejectedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="association">Who asked.</param>
    /// <param name="rejection">The A-ASSOCIATE-RJ sent.</param>
    /// <param name="reason">Why, in words (AE titles and addresses, no patient data).</param>
    /// <param name="byGate">Whether <see cref="DicomScpOptions.AssociationGate"/> rejected it (rather than the SCP's own checks).</param>
    public AssociationRejectedEventArgs(AssociationInfo association, AAssociateRjPdu rejection, string reason, bool byGate)
    {
        Association = association;
        Rejection = rejection;
        Reason = reason;
        ByGate = byGate;
    }

    /// <summary>Gets who asked: calling and called AE titles as requested, peer address.</summary>
    public AssociationInfo Association { get; }

    /// <summary>Gets the A-ASSOCIATE-RJ sent (result, source, reason).</summary>
    public AAssociateRjPdu Rejection { get; }

    /// <summary>Gets why the association was rejected.</summary>
    public string Reason { get; }

    /// <summary>Gets whether the application's <see cref="IAssociationGate"/> rejected it.</summary>
    public bool ByGate { get; }
}
