namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Writes PDUs to a transport stream.</summary>
/// <remarks>PS3.8 §9.3.1.</remarks>
public static class PduWriter
{
    /// <summary>Encodes and writes one PDU, then flushes.</summary>
    /// <param name="stream">The transport.</param>
    /// <param name="pdu">The PDU to send.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the PDU was handed to the transport.</returns>
    /// <exception cref="DicomNetworkException">The connection failed.</exception>
    public static async Task WriteAsync(Stream stream, Pdu pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(pdu);
        await WriteBytesAsync(stream, pdu.ToArray(), cancellationToken);
    }

    internal static async Task WriteBytesAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new DicomNetworkException("The connection failed while writing a PDU.", isTransient: true, innerException: ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new DicomNetworkException("The connection was closed while writing a PDU.", isTransient: true, innerException: ex);
        }
    }
}
