using System.Net;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>Who is on the other side of an association.</summary>
/// <remarks>PS3.8 §7.1.1 (A-ASSOCIATE parameters: calling and called AE titles).</remarks>
/// <param name="CallingAeTitle">The requestor's AE title.</param>
/// <param name="CalledAeTitle">The AE title the requestor called.</param>
/// <param name="RemoteEndPoint">The peer's address, when known.</param>
public sealed record AssociationInfo(string CallingAeTitle, string CalledAeTitle, EndPoint? RemoteEndPoint);
