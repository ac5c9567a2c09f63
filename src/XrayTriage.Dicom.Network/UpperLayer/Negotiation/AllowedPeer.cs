using System.Net;

namespace XrayTriage.Dicom.Network.UpperLayer.Negotiation;

/// <summary>A calling AE title allowed to associate, optionally only from one source address (AE titles are easy
/// to spoof; pinning a modality's address is the usual hospital allow-list).</summary>
/// <param name="AeTitle">The calling AE title.</param>
/// <param name="Address">The only address it may call from; <see langword="null"/> for any.</param>
public sealed record AllowedPeer(string AeTitle, IPAddress? Address = null)
{
    /// <summary>Whether a request from <paramref name="callingAeTitle"/> at <paramref name="source"/> matches this entry.</summary>
    /// <param name="callingAeTitle">The request's calling AE title.</param>
    /// <param name="source">The peer's address, when known.</param>
    /// <returns><see langword="true"/> when both the title and (if set) the address match.</returns>
    public bool Matches(string callingAeTitle, IPAddress? source)
        => UpperLayer.AeTitle.AreEqual(AeTitle, callingAeTitle)
            && (Address is null || (source is not null && Normalize(source).Equals(Normalize(Address))));

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
