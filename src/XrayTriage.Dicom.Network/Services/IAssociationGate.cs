namespace XrayTriage.Dicom.Network.Services;

/// <summary>
/// The application's say on an association the SCP would otherwise accept: consulted after the A-ASSOCIATE-RQ has
/// passed the toolkit's own checks (protocol version, application context, called and calling AE title, allowed peer
/// address, association limit) and before the A-ASSOCIATE-AC is sent (PS3.8 §9.2, Sta3: the local response to an
/// A-ASSOCIATE indication).
/// </summary>
/// <remarks>
/// It runs on the association's own task and holds the answer to the requestor, so it must be quick and must not
/// block on I/O (the SCP's ARTIM timer is stopped while it decides). An exception from it is treated as a transient
/// rejection (temporary congestion) and reported in the association's outcome; the server keeps running.
/// </remarks>
public interface IAssociationGate
{
    /// <summary>Decides whether to accept the association.</summary>
    /// <param name="association">Who asked (calling and called AE titles, peer address).</param>
    /// <returns><see cref="AssociationGateDecision.Accept"/>, or a rejection with the A-ASSOCIATE-RJ fields to send.</returns>
    AssociationGateDecision Evaluate(AssociationInfo association);
}
