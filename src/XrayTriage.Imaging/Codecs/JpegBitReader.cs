namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// Reads entropy-coded bits (T.81 F.2.2.5): 0xFF00 is a stuffed 0xFF; any other marker ends the data, after which
/// zeros are supplied (a bounded number of them, so truncated data fails instead of decoding garbage forever).
/// </summary>
internal sealed class JpegBitReader
{
    private const int MaxFillBytes = 64;

    private readonly ReadOnlyMemory<byte> _data;
    private ulong _buffer;
    private int _bits;
    private int _fillBytes;
    private bool _atMarker;

    public JpegBitReader(ReadOnlyMemory<byte> data, int position)
    {
        _data = data;
        Position = position;
    }

    /// <summary>Offset of the next byte not yet taken into the bit buffer (at a marker once one is reached).</summary>
    public int Position { get; private set; }

    public int Peek16()
    {
        if (_bits < 16)
        {
            Fill();
        }

        return (int)(_buffer >> (_bits - 16)) & 0xFFFF;
    }

    public void Skip(int count) => _bits -= count;

    /// <summary>Reads <paramref name="count"/> bits (1–16), most significant first.</summary>
    public int Receive(int count)
    {
        if (_bits < count)
        {
            Fill();
        }

        _bits -= count;
        return (int)(_buffer >> _bits) & ((1 << count) - 1);
    }

    /// <summary>At a restart interval's end: drops the padding bits and reads the RSTn marker (T.81 F.2.2.5, E.2.4).</summary>
    public void ReadRestartMarker(int expected)
    {
        _buffer = 0;
        _bits = 0;
        var span = _data.Span;
        var position = Position;
        while (position < span.Length && span[position] == 0xFF && position + 1 < span.Length && span[position + 1] == 0xFF)
        {
            position++;
        }

        if (position + 1 >= span.Length || span[position] != 0xFF || span[position + 1] != 0xD0 + expected)
        {
            throw new ImagingException($"JPEG: restart marker RST{expected} expected at byte {position}.");
        }

        Position = position + 2;
        _atMarker = false;
        _fillBytes = 0;
    }

    private void Fill()
    {
        var span = _data.Span;
        while (_bits <= 56)
        {
            int value = 0;
            if (!_atMarker && Position < span.Length)
            {
                value = span[Position];
                if (value == 0xFF)
                {
                    if (Position + 1 < span.Length && span[Position + 1] == 0x00)
                    {
                        Position += 2;
                    }
                    else
                    {
                        _atMarker = true;
                        value = 0;
                    }
                }
                else
                {
                    Position++;
                }
            }
            else
            {
                _atMarker = true;
            }

            if (_atMarker && ++_fillBytes > MaxFillBytes)
            {
                throw new ImagingException($"JPEG: the entropy-coded data ends early, at byte {Position}.");
            }

            _buffer = (_buffer << 8) | (uint)value;
            _bits += 8;
        }
    }
}
