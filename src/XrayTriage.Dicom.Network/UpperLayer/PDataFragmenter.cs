using System.Buffers.Binary;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Splits a DIMSE command or data set into P-DATA-TF PDUs that honour the peer's maximum length.</summary>
/// <remarks>
/// PS3.8 Annex D.1: the peer's Maximum Length bounds the variable field of each P-DATA-TF PDU; 0 means no
/// limit. PS3.8 Annex E: one PDV per PDU here, the last fragment flagged. We never send PDUs larger than
/// <see cref="DefaultSendCap"/> even when the peer allows more.
/// </remarks>
public static class PDataFragmenter
{
    /// <summary>The largest P-DATA-TF PDU body we send, whatever the peer accepts (256 KiB).</summary>
    public const int DefaultSendCap = 256 * 1024;

    /// <summary>The smallest peer Maximum Length we can honour: room for a PDV header and one byte.</summary>
    public const int MinimumPeerMaxLength = PresentationDataValue.Overhead + 1;

    /// <summary>Computes the PDU body length to use for a peer.</summary>
    /// <param name="peerMaxLength">The peer's Maximum Length sub-item value (0 = unlimited).</param>
    /// <param name="sendCap">Our own upper bound.</param>
    /// <returns>The body length of each full P-DATA-TF PDU.</returns>
    /// <exception cref="DicomNetworkException">The peer's maximum length is too small to carry data.</exception>
    public static int EffectiveMaxPduLength(uint peerMaxLength, int sendCap = DefaultSendCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sendCap, MinimumPeerMaxLength);
        if (peerMaxLength == 0)
        {
            return sendCap;
        }

        return peerMaxLength < MinimumPeerMaxLength
            ? throw new DicomNetworkException($"The peer's maximum PDU length {peerMaxLength} cannot carry data.", isTransient: false)
            : (int)Math.Min(peerMaxLength, (uint)sendCap);
    }

    /// <summary>Splits an in-memory message into P-DATA-TF PDUs, one PDV each.</summary>
    /// <param name="presentationContextId">The presentation context of the message.</param>
    /// <param name="isCommand">Whether the bytes are a command set (otherwise a data set).</param>
    /// <param name="message">The encoded command or data set.</param>
    /// <param name="peerMaxLength">The peer's Maximum Length (0 = unlimited).</param>
    /// <param name="sendCap">Our own upper bound on the PDU body length.</param>
    /// <returns>The PDUs in sending order; at least one.</returns>
    public static IEnumerable<PDataTfPdu> Fragment(
        byte presentationContextId, bool isCommand, ReadOnlyMemory<byte> message, uint peerMaxLength, int sendCap = DefaultSendCap)
    {
        var chunk = EffectiveMaxPduLength(peerMaxLength, sendCap) - PresentationDataValue.Overhead;
        return Iterate(presentationContextId, isCommand, message, chunk);
    }

    /// <summary>Streams a message from <paramref name="message"/> to the transport as P-DATA-TF PDUs.</summary>
    /// <param name="transport">The connection to write to.</param>
    /// <param name="presentationContextId">The presentation context of the message.</param>
    /// <param name="isCommand">Whether the bytes are a command set (otherwise a data set).</param>
    /// <param name="message">The encoded command or data set, read to its end.</param>
    /// <param name="peerMaxLength">The peer's Maximum Length (0 = unlimited).</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>A task that completes when the last fragment was written.</returns>
    public static async Task WriteAsync(
        Stream transport,
        byte presentationContextId,
        bool isCommand,
        Stream message,
        uint peerMaxLength,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(message);
        var chunk = EffectiveMaxPduLength(peerMaxLength) - PresentationDataValue.Overhead;
        const int Prefix = Pdu.HeaderLength + PresentationDataValue.Overhead;
        var current = new byte[Prefix + chunk];
        var next = new byte[Prefix + chunk];
        var currentLength = await message.ReadAtLeastAsync(current.AsMemory(Prefix), chunk, throwOnEndOfStream: false, cancellationToken);
        while (true)
        {
            var nextLength = currentLength < chunk
                ? 0
                : await message.ReadAtLeastAsync(next.AsMemory(Prefix), chunk, throwOnEndOfStream: false, cancellationToken);
            var isLast = nextLength == 0;
            WritePrefix(current, presentationContextId, isCommand, isLast, currentLength);
            await PduWriter.WriteBytesAsync(transport, current.AsMemory(0, Prefix + currentLength), cancellationToken);
            if (isLast)
            {
                return;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
        }
    }

    private static void WritePrefix(Span<byte> buffer, byte contextId, bool isCommand, bool isLast, int dataLength)
    {
        buffer[0] = (byte)PduType.PDataTf;
        buffer[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[2..], (uint)(dataLength + PresentationDataValue.Overhead));
        BinaryPrimitives.WriteUInt32BigEndian(buffer[6..], (uint)(dataLength + 2));
        buffer[10] = contextId;
        buffer[11] = new PresentationDataValue(contextId, isCommand, isLast, default).MessageControlHeader;
    }

    private static IEnumerable<PDataTfPdu> Iterate(byte contextId, bool isCommand, ReadOnlyMemory<byte> message, int chunk)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(chunk, message.Length - offset);
            var isLast = offset + length >= message.Length;
            yield return new PDataTfPdu([new PresentationDataValue(contextId, isCommand, isLast, message.Slice(offset, length))]);
            offset += length;
        }
        while (offset < message.Length);
    }
}
