using System.Buffers.Binary;

namespace XrayTriage.Dicom.IO;

/// <summary>A forward reader over a stream with its own buffer and absolute position; seeks past large values when it can.</summary>
internal sealed class DicomSource
{
    private const int ChunkSize = 1 << 20;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly long _origin;
    private int _pos;
    private int _len;
    private long _bufferStart;

    public DicomSource(Stream stream, string? filePath, long origin = 0)
    {
        _stream = stream;
        FilePath = filePath;
        _origin = origin;
        _bufferStart = origin;
        if (stream.CanSeek)
        {
            Length = stream.Length;
        }
    }

    /// <summary>The file behind the stream, when values may be read lazily.</summary>
    public string? FilePath { get; }

    /// <summary>Total input length when known (seekable streams).</summary>
    public long? Length { get; }

    public long Position => _bufferStart + _pos;

    public long Consumed => Position - _origin;

    public long? Remaining => Length - Position;

    public bool IsAtEnd => !Ensure(1);

    /// <summary>Makes at least <paramref name="count"/> bytes available; false at end of input.</summary>
    public bool Ensure(int count)
    {
        if (_len - _pos >= count)
        {
            return true;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _len - _pos);
            _len -= _pos;
            _bufferStart += _pos;
            _pos = 0;
        }

        while (_len < count)
        {
            var n = _stream.Read(_buffer, _len, _buffer.Length - _len);
            if (n <= 0)
            {
                return false;
            }

            _len += n;
        }

        return true;
    }

    /// <summary>Up to <paramref name="count"/> bytes without consuming them (fewer near the end of input).</summary>
    public ReadOnlySpan<byte> PeekUpTo(int count)
    {
        Ensure(count);
        return _buffer.AsSpan(_pos, Math.Min(count, _len - _pos));
    }

    public ReadOnlySpan<byte> Peek(int count) => Ensure(count) ? _buffer.AsSpan(_pos, count) : [];

    public ushort ReadUInt16(bool bigEndian)
    {
        var span = Take(2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public uint ReadUInt32(bool bigEndian)
    {
        var span = Take(4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public ReadOnlySpan<byte> Take(int count)
    {
        if (!Ensure(count))
        {
            throw new EndOfStreamException($"Input ends {count} byte(s) early.");
        }

        var span = _buffer.AsSpan(_pos, count);
        _pos += count;
        return span;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes; memory grows with the data actually present, never with
    /// the declared length alone.</summary>
    public byte[] ReadBytes(long count)
    {
        if (count <= _buffer.Length)
        {
            return Take((int)count).ToArray();
        }

        var chunks = new List<byte[]>();
        var remaining = count;
        while (remaining > 0)
        {
            var n = (int)Math.Min(remaining, ChunkSize);
            var chunk = new byte[n];
            var filled = 0;
            var available = Math.Min(n, _len - _pos);
            _buffer.AsSpan(_pos, available).CopyTo(chunk);
            _pos += available;
            filled += available;
            if (filled < n)
            {
                _bufferStart += _pos;
                _pos = 0;
                _len = 0;
            }

            while (filled < n)
            {
                var read = _stream.Read(chunk, filled, n - filled);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"Input ends {remaining - filled} byte(s) early.");
                }

                filled += read;
                _bufferStart += read;
            }

            chunks.Add(chunk);
            remaining -= n;
        }

        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var result = new byte[count];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        return result;
    }

    public void Skip(long count)
    {
        var inBuffer = Math.Min(count, _len - _pos);
        _pos += (int)inBuffer;
        count -= inBuffer;
        if (count == 0)
        {
            return;
        }

        if (_stream.CanSeek)
        {
            var target = Position + count;
            if (target > Length)
            {
                throw new EndOfStreamException($"Input ends {target - Length} byte(s) early.");
            }

            _stream.Seek(target - Position, SeekOrigin.Current);
            _bufferStart = target;
            _pos = 0;
            _len = 0;
            return;
        }

        while (count > 0)
        {
            var n = (int)Math.Min(count, _buffer.Length);
            if (!Ensure(n))
            {
                throw new EndOfStreamException("Input ends early.");
            }

            _pos += n;
            count -= n;
        }
    }

    /// <summary>The rest of the input as a stream (buffered bytes first), e.g. for inflating.</summary>
    public Stream Remainder()
    {
        var buffered = new MemoryStream(_buffer, _pos, _len - _pos, writable: false);
        _pos = _len;
        return new ConcatenatedStream(buffered, _stream);
    }
}
