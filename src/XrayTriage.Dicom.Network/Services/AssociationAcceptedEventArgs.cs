namespace XrayTriage.Dicom.Network.Services;

/// <summary>An association <see cref="DicomScp"/> accepted: the A-ASSOCIATE-AC has been sent.</summary>
/// <remarks>PS3.8 §7.1 (A-ASSOCIATE service, result accepted).</remarks>
public sealed class AssociationAcceptedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="association">Who associated.</param>
    /// <param name="acceptedContexts">How many proposed presentation contexts were accepted.</param>
    public AssociationAcceptedEventArgs(AssociationInfo association, int acceptedContexts)
    {
        Association = association;
        AcceptedContexts = acceptedContexts;
    }

    /// <summary>Gets who associated: calling and called AE titles, peer address.</summary>
    public AssociationInfo Association { get; }

    /// <summary>Gets how many proposed presentation contexts were accepted (0 is a valid but useless association).</summary>
    public int AcceptedContexts { get; }
}
