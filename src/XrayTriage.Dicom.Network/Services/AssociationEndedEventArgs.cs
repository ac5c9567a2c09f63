using System.Net;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>How an association served by <see cref="DicomScp"/> ended.</summary>
/// <remarks>PS3.8 §7.1–§7.3 (A-ASSOCIATE, A-RELEASE, A-ABORT outcomes).</remarks>
public sealed class AssociationEndedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="remoteEndPoint">The peer.</param>
    /// <param name="outcome">Why it was rejected or aborted; <see langword="null"/> after a normal release.</param>
    public AssociationEndedEventArgs(EndPoint? remoteEndPoint, string? outcome)
    {
        RemoteEndPoint = remoteEndPoint;
        Outcome = outcome;
    }

    /// <summary>Gets the peer's address.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Gets why the association was rejected or aborted; <see langword="null"/> after a normal release.</summary>
    public string? Outcome { get; }
}
