using System.Buffers.Binary;

namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Reads PDUs from a transport stream through a read buffer.</summary>
/// <remarks>
/// PS3.8 §9.3.1: each PDU is a 6-byte header and a body of the declared length. The declared length is
/// checked against <see cref="PduLimits"/> before any byte of the body is awaited, and the buffer grows
/// only as received bytes fill it, so a peer that declares 4 GiB and sends nothing costs nothing.
/// </remarks>
public sealed class PduReader
{
    private const int DefaultBufferSize = 16 * 1024;

    private readonly Stream _stream;
    private readonly PduLimits _limits;
    private byte[] _buffer;
    private int _readPosition;
    private int _filled;

    /// <summary>Creates a reader over a connected transport stream.</summary>
    /// <param name="stream">The transport (for example a <c>NetworkStream</c> or <c>SslStream</c>).</param>
    /// <param name="limits">The length limits; <see cref="PduLimits.Default"/> when <see langword="null"/>.</param>
    public PduReader(Stream stream, PduLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _limits = limits ?? PduLimits.Default;
        _buffer = new byte[DefaultBufferSize];
    }

    /// <summary>Gets the current read buffer size, for tests that check allocation stays bounded.</summary>
    internal int BufferCapacity => _buffer.Length;

    /// <summary>Reads the next PDU.</summary>
    /// <param name="cancellationToken">Cancels the wait for bytes.</param>
    /// <returns>The PDU, or <see langword="null"/> when the peer closed the connection between PDUs (Evt17).</returns>
    /// <exception cref="DicomNetworkException">The PDU is malformed, over the limits, or the connection broke mid-PDU.</exception>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(Pdu.HeaderLength, allowCleanEnd: true, cancellationToken))
        {
            return null;
        }

        var type = _buffer[_readPosition];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_readPosition + 2, 4));
        _limits.CheckLength(type, length);
        var total = Pdu.HeaderLength + (int)length;
        await EnsureAsync(total, allowCleanEnd: false, cancellationToken);
        var pdu = Pdu.ParseBody((PduType)type, _buffer.AsSpan(_readPosition + Pdu.HeaderLength, (int)length));
        _readPosition += total;
        return pdu;
    }

    private ValueTask<bool> EnsureAsync(int count, bool allowCleanEnd, CancellationToken cancellationToken) =>
        _filled - _readPosition >= count
            ? ValueTask.FromResult(true)
            : EnsureSlowAsync(count, allowCleanEnd, cancellationToken);

    private async ValueTask<bool> EnsureSlowAsync(int count, bool allowCleanEnd, CancellationToken cancellationToken)
    {
        var available = _filled - _readPosition;
        if (_readPosition > 0)
        {
            Buffer.BlockCopy(_buffer, _readPosition, _buffer, 0, available);
            _readPosition = 0;
            _filled = available;
        }

        while (_filled < count)
        {
            if (_filled == _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Min(count, (long)_buffer.Length * 2));
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_filled), cancellationToken);
            }
            catch (IOException ex)
            {
                throw new DicomNetworkException("The connection failed while reading a PDU.", isTransient: true, innerException: ex);
            }
            catch (ObjectDisposedException ex)
            {
                throw new DicomNetworkException("The connection was closed while reading a PDU.", isTransient: true, innerException: ex);
            }

            if (read == 0)
            {
                if (allowCleanEnd && _filled == 0)
                {
                    return false;
                }

                throw new DicomNetworkException(
                    $"The peer closed the connection after {_filled} of {count} bytes of a PDU.", isTransient: true);
            }

            _filled += read;
        }

        return true;
    }
}
