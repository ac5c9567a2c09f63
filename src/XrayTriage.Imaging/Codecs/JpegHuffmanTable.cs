namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// A Huffman table from a DHT segment (T.81 B.2.4.2), expanded into a 2^16-entry lookup: the next 16 bits of the
/// entropy-coded data index the code length and the value it stands for (T.81 Annex C code assignment).
/// </summary>
internal sealed class JpegHuffmanTable
{
    private readonly ushort[] _lookup = new ushort[1 << 16];

    private JpegHuffmanTable()
    {
    }

    /// <summary>Builds a table from BITS (16 counts) and HUFFVAL; throws when the counts do not form a prefix code.</summary>
    public static JpegHuffmanTable Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        var table = new JpegHuffmanTable();
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                if (code >= 1 << length)
                {
                    throw new ImagingException("JPEG: a Huffman table has more codes than its code lengths allow.");
                }

                var first = code << (16 - length);
                var entry = (ushort)((length << 8) | values[k++]);
                table._lookup.AsSpan(first, 1 << (16 - length)).Fill(entry);
                code++;
            }

            code <<= 1;
        }

        return table;
    }

    /// <summary>Reads one code and returns its value (for lossless tables, a difference category SSSS).</summary>
    public int Decode(JpegBitReader reader)
    {
        var entry = _lookup[reader.Peek16()];
        var length = entry >> 8;
        if (length == 0)
        {
            throw new ImagingException($"JPEG: no Huffman code matches the data near byte {reader.Position}.");
        }

        reader.Skip(length);
        return entry & 0xFF;
    }
}
