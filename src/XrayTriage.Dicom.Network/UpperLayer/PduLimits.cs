namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Bounds applied to every PDU length read from the wire.</summary>
/// <remarks>
/// PS3.8 §9.3.1 allows PDU lengths up to 2^32−1; we never trust that. P-DATA-TF PDUs are bounded by the
/// Maximum Length we advertise (PS3.8 Annex D.1); association PDUs by a configurable bound.
/// </remarks>
public sealed class PduLimits
{
    /// <summary>The default upper bound for association, release and abort PDUs (1 MiB).</summary>
    public const int DefaultMaxAssociatePduLength = 1024 * 1024;

    /// <summary>The default Maximum Length we advertise for received P-DATA-TF PDUs (256 KiB).</summary>
    public const int DefaultMaxPDataPduLength = 256 * 1024;

    /// <summary>Gets limits with the default values.</summary>
    public static PduLimits Default { get; } = new();

    /// <summary>Gets the maximum body length of A-ASSOCIATE-RQ/AC/RJ PDUs.</summary>
    public int MaxAssociatePduLength { get; init; } = DefaultMaxAssociatePduLength;

    /// <summary>Gets the maximum body length of P-DATA-TF PDUs: the Maximum Length we advertise to the peer.</summary>
    public int MaxPDataPduLength { get; init; } = DefaultMaxPDataPduLength;

    internal void CheckLength(byte type, uint length)
    {
        uint max = (PduType)type switch
        {
            PduType.AAssociateRq or PduType.AAssociateAc => (uint)MaxAssociatePduLength,
            PduType.AAssociateRj or PduType.AReleaseRq or PduType.AReleaseRp or PduType.AAbort => 4,
            PduType.PDataTf => (uint)MaxPDataPduLength,
            _ => throw Unrecognized(type),
        };
        if (length > max)
        {
            throw new DicomNetworkException(
                $"PDU type 0x{type:X2} declares {length} bytes; the limit is {max}.",
                isTransient: false,
                AbortReason.InvalidPduParameterValue);
        }
    }

    internal static DicomNetworkException Unrecognized(byte type) =>
        new($"Unrecognized PDU type 0x{type:X2}.", isTransient: false, AbortReason.UnrecognizedPdu);
}
