using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network;

/// <summary>
/// A failure of the DICOM network layer: a malformed or unexpected PDU, a broken connection, a timeout
/// or a rejected association.
/// </summary>
/// <remarks>
/// <see cref="IsTransient"/> tells a caller whether retrying later may succeed (like
/// <c>NpgsqlException.IsTransient</c>). <see cref="AbortReason"/> carries the PS3.8 §9.3.8 provider
/// abort reason to send when the failure was caused by what the peer sent.
/// </remarks>
public sealed class DicomNetworkException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public DicomNetworkException()
    {
    }

    /// <summary>Creates a permanent exception with a message.</summary>
    /// <param name="message">What went wrong, in words an administrator can act on.</param>
    public DicomNetworkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a permanent exception wrapping a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public DicomNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with full context.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="isTransient">Whether retrying later may succeed.</param>
    /// <param name="abortReason">The provider abort reason to send to the peer, if the peer caused it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DicomNetworkException(string message, bool isTransient, AbortReason? abortReason = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        AbortReason = abortReason;
    }

    /// <summary>Gets whether the operation may succeed if retried later (timeouts, refused connections, congestion).</summary>
    public bool IsTransient { get; }

    /// <summary>Gets the A-ABORT reason that describes the peer's protocol error, if the failure was one.</summary>
    /// <remarks>PS3.8 §9.3.8, Table 9-26.</remarks>
    public AbortReason? AbortReason { get; }

    internal static DicomNetworkException Malformed(string message) =>
        new(message, isTransient: false, UpperLayer.AbortReason.InvalidPduParameterValue);
}
