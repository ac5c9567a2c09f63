using System.Buffers.Binary;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// JPEG Lossless, Non-Hierarchical (Process 14, T.81 Annex H): the .57 syntax (any predictor 1–7) and .70
/// (Selection Value 1). Precision 2–16 bits, point transform, restart intervals, one or three components (interleaved
/// or in separate scans, sampling 1×1).
/// </summary>
internal sealed class JpegLosslessFrameDecoder : IFrameDecoder
{
    public IReadOnlyCollection<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"];

    public byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.BitsAllocated is not (8 or 16))
        {
            throw new ImagingException($"JPEG Lossless: Bits Allocated {geometry.BitsAllocated} is not supported (8 or 16).");
        }

        var state = new State(geometry);
        var data = frame.Span;
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new ImagingException("JPEG Lossless: the frame does not start with an SOI marker.");
        }

        var position = 2;
        while (true)
        {
            var marker = NextMarker(data, ref position);
            if (marker == 0xD9)
            {
                break;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (position + 2 > data.Length)
            {
                throw new ImagingException($"JPEG Lossless: marker FF{marker:X2} at byte {position - 2} has no length.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                throw new ImagingException(
                    $"JPEG Lossless: segment FF{marker:X2} of {length} bytes passes the end of the frame ({data.Length}).");
            }

            var segment = data.Slice(position + 2, length - 2);
            position += length;
            switch (marker)
            {
                case 0xC3:
                    state.ReadFrameHeader(segment);
                    break;
                case 0xC4:
                    state.ReadHuffmanTables(segment);
                    break;
                case 0xDD:
                    state.RestartInterval = segment.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(segment)
                        : throw new ImagingException("JPEG Lossless: DRI segment is too short.");
                    break;
                case 0xDA:
                    position = state.DecodeScan(segment, frame, position);
                    break;
                case 0xDC:
                    throw new ImagingException("JPEG Lossless: DNL (lines defined after the first scan) is not supported.");
                case >= 0xC0 and <= 0xCF when marker is not (0xC4 or 0xC8 or 0xCC):
                    throw new ImagingException($"JPEG Lossless: SOF marker FF{marker:X2} is not Process 14 (SOF3, FFC3).");
                default:
                    break;
            }

            if (state.IsComplete)
            {
                break;
            }
        }

        return state.ToNative();
    }

    /// <summary>Finds the next marker at <paramref name="position"/>, skipping fill bytes (T.81 B.1.1.2).</summary>
    private static int NextMarker(ReadOnlySpan<byte> data, ref int position)
    {
        if (position >= data.Length || data[position] != 0xFF)
        {
            throw new ImagingException($"JPEG Lossless: a marker was expected at byte {position}.");
        }

        while (position < data.Length && data[position] == 0xFF)
        {
            position++;
        }

        if (position >= data.Length)
        {
            throw new ImagingException("JPEG Lossless: the frame ends before EOI.");
        }

        return data[position++];
    }

    private sealed class State(PixelGeometry geometry)
    {
        private readonly JpegHuffmanTable?[] _tables = new JpegHuffmanTable?[4];
        private JpegComponent[]? _components;
        private ushort[][]? _planes;
        private bool[]? _decoded;
        private int _precision;
        private int _pointTransform = -1;

        public int RestartInterval { get; set; }

        public bool IsComplete => _decoded is not null && _decoded.All(d => d);

        public void ReadFrameHeader(ReadOnlySpan<byte> segment)
        {
            if (_components is not null)
            {
                throw new ImagingException("JPEG Lossless: more than one frame header.");
            }

            if (segment.Length < 6)
            {
                throw new ImagingException("JPEG Lossless: SOF3 segment is too short.");
            }

            _precision = segment[0];
            var rows = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
            var columns = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
            var count = segment[5];
            if (rows != geometry.Rows || columns != geometry.Columns || count != geometry.SamplesPerPixel)
            {
                throw new ImagingException(
                    $"JPEG Lossless: the frame header says {rows} × {columns} × {count} components; "
                    + $"the data set says {geometry.Rows} × {geometry.Columns} × {geometry.SamplesPerPixel}.");
            }

            if (_precision < 2 || _precision > 16 || _precision > geometry.BitsAllocated)
            {
                throw new ImagingException(
                    $"JPEG Lossless: precision {_precision} is outside 2–{Math.Min(16, geometry.BitsAllocated)} bits.");
            }

            if (segment.Length < 6 + (3 * count))
            {
                throw new ImagingException("JPEG Lossless: SOF3 segment is shorter than its component list.");
            }

            _components = new JpegComponent[count];
            for (var i = 0; i < count; i++)
            {
                var sampling = segment[7 + (3 * i)];
                _components[i] = new JpegComponent(segment[6 + (3 * i)], sampling >> 4, sampling & 15);
                if (_components[i].Horizontal != 1 || _components[i].Vertical != 1)
                {
                    throw new ImagingException("JPEG Lossless: only 1×1 sampling factors are supported.");
                }
            }

            _planes = [.. Enumerable.Range(0, count).Select(_ => new ushort[checked(rows * columns)])];
            _decoded = new bool[count];
        }

        public void ReadHuffmanTables(ReadOnlySpan<byte> segment)
        {
            while (!segment.IsEmpty)
            {
                if (segment.Length < 17)
                {
                    throw new ImagingException("JPEG Lossless: DHT segment is too short.");
                }

                var destination = segment[0] & 15;
                if (destination > 3)
                {
                    throw new ImagingException($"JPEG Lossless: Huffman table destination {destination} is over 3.");
                }

                var counts = segment.Slice(1, 16);
                var total = 0;
                foreach (var c in counts)
                {
                    total += c;
                }

                if (total > 256 || segment.Length < 17 + total)
                {
                    throw new ImagingException(
                        $"JPEG Lossless: a Huffman table declares {total} values; the segment has {segment.Length - 17}.");
                }

                _tables[destination] = JpegHuffmanTable.Create(counts, segment.Slice(17, total));
                segment = segment[(17 + total)..];
            }
        }

        /// <summary>Decodes one scan (T.81 B.2.3 header, H.2 decoding) and returns the offset of the marker after it.</summary>
        public int DecodeScan(ReadOnlySpan<byte> header, ReadOnlyMemory<byte> frame, int position)
        {
            if (_components is null || _planes is null || _decoded is null)
            {
                throw new ImagingException("JPEG Lossless: a scan comes before the frame header.");
            }

            var count = header.Length > 0 ? header[0] : 0;
            if (count < 1 || count > _components.Length || header.Length < 4 + (2 * count))
            {
                throw new ImagingException($"JPEG Lossless: the scan header is malformed ({count} components).");
            }

            var selected = new int[count];
            for (var i = 0; i < count; i++)
            {
                var id = header[1 + (2 * i)];
                var index = Array.FindIndex(_components, c => c.Id == id);
                var table = header[2 + (2 * i)] >> 4;
                if (index < 0 || _decoded[index] || selected.AsSpan(0, i).Contains(index))
                {
                    throw new ImagingException($"JPEG Lossless: the scan selects unknown or repeated component {id}.");
                }

                _components[index].Table = table <= 3 && _tables[table] is { } t ? t
                    : throw new ImagingException($"JPEG Lossless: component {id} uses Huffman table {table}, which is not defined.");
                selected[i] = index;
            }

            var predictor = header[1 + (2 * count)];
            var pointTransform = header[3 + (2 * count)] & 15;
            if (predictor is < 1 or > 7 || pointTransform >= _precision)
            {
                throw new ImagingException(
                    $"JPEG Lossless: predictor {predictor} / point transform {pointTransform} is not valid for Process 14.");
            }

            if (_pointTransform >= 0 && pointTransform != _pointTransform)
            {
                throw new ImagingException("JPEG Lossless: scans use different point transforms.");
            }

            _pointTransform = pointTransform;
            var scan = new JpegLosslessScan(geometry.Rows, geometry.Columns, _precision - pointTransform, predictor, RestartInterval);
            var reader = new JpegBitReader(frame, position);
            scan.Decode(reader, [.. selected.Select(i => _components[i].Table!)], [.. selected.Select(i => _planes[i])]);
            foreach (var index in selected)
            {
                _decoded[index] = true;
            }

            var data = frame.Span;
            var next = reader.Position;
            while (next + 1 < data.Length && (data[next] != 0xFF || data[next + 1] == 0x00 || data[next + 1] is >= 0xD0 and <= 0xD7))
            {
                next++;
            }

            return next;
        }

        public byte[] ToNative()
        {
            if (_planes is null || !IsComplete)
            {
                throw new ImagingException("JPEG Lossless: the frame ends before every component was decoded.");
            }

            var samples = _planes.Length;
            var pixels = _planes[0].Length;
            var mask = (1 << _precision) - 1;
            if (geometry.BitsAllocated == 8)
            {
                var bytes = new byte[pixels * samples];
                for (var s = 0; s < samples; s++)
                {
                    var plane = _planes[s];
                    for (var i = 0; i < pixels; i++)
                    {
                        bytes[(i * samples) + s] = (byte)((plane[i] << _pointTransform) & mask);
                    }
                }

                return bytes;
            }

            var words = new byte[pixels * samples * 2];
            for (var s = 0; s < samples; s++)
            {
                var plane = _planes[s];
                for (var i = 0; i < pixels; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(
                        words.AsSpan(((i * samples) + s) * 2), (ushort)((plane[i] << _pointTransform) & mask));
                }
            }

            return words;
        }
    }
}
