using System.Buffers.Binary;
using JpegLibrary;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// JPEG Baseline (Process 1, .50) and Extended (Processes 2 and 4, .51; 8 or 12 bits): 8-bit monochrome frames through
/// libjpeg-turbo (<see cref="TurboJpegGray"/>), the others through JpegLibrary. Colour is
/// decoded only without subsampling and without colour conversion; triage needs monochrome.
/// </summary>
internal sealed class JpegBaselineFrameDecoder : IFrameDecoder, IReducingFrameDecoder
{
    public IReadOnlyCollection<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"];

    public byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry) => Decode(frame, geometry, 0).Samples;

    /// <summary>8-bit monochrome frames decode reduced (libjpeg-turbo's DCT scaling); the others at full resolution.</summary>
    public ReducedFrame DecodeReduced(ReadOnlyMemory<byte> frame, PixelGeometry geometry, int minimumShortSide)
        => Decode(frame, geometry, minimumShortSide);

    private static ReducedFrame Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry, int minimumShortSide)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var sof = FindFrameHeader(frame.Span);
        var precision = sof[0];
        var rows = BinaryPrimitives.ReadUInt16BigEndian(sof[1..]);
        var columns = BinaryPrimitives.ReadUInt16BigEndian(sof[3..]);
        var components = sof[5];
        if (rows != geometry.Rows || columns != geometry.Columns || components != geometry.SamplesPerPixel)
        {
            throw new ImagingException(
                $"JPEG: the frame header says {rows} × {columns} × {components} components; "
                + $"the data set says {geometry.Rows} × {geometry.Columns} × {geometry.SamplesPerPixel}.");
        }

        if (precision is not (8 or 12) || precision > geometry.BitsAllocated || geometry.BitsAllocated > 16)
        {
            throw new ImagingException(
                $"JPEG: precision {precision} does not fit Bits Allocated {geometry.BitsAllocated} (8 or 12 bits into 8 or 16).");
        }

        if (sof.Length < 6 + (3 * components))
        {
            throw new ImagingException("JPEG: the frame header is shorter than its component list.");
        }

        for (var i = 0; i < components; i++)
        {
            var sampling = sof[7 + (3 * i)];
            if (sampling >> 4 is < 1 or > 4 || (sampling & 15) is < 1 or > 4 || sof[8 + (3 * i)] > 3)
            {
                throw new ImagingException(
                    $"JPEG: component {i} has sampling factors {sampling:X2} or quantization table {sof[8 + (3 * i)]} outside T.81 B.2.2.");
            }

            if (sampling != sof[7])
            {
                throw new ImagingException("JPEG: subsampled colour (e.g. YBR_FULL_422) is not decoded; triage needs monochrome.");
            }
        }

        if (precision == 8 && components == 1 && geometry.BitsAllocated == 8)
        {
            return TurboJpegGray.Decode(frame, rows, columns, minimumShortSide);
        }

        var output = new byte[checked(rows * columns * components * (geometry.BitsAllocated / 8))];
        try
        {
            var decoder = new JpegDecoder();
            decoder.SetInput(frame);
            decoder.Identify();
            decoder.SetOutputWriter(
                new JpegSampleWriter(output, columns, rows, components, geometry.BitsAllocated / 8, (1 << precision) - 1));
            decoder.Decode();
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentException or InvalidOperationException
                                      or NotSupportedException or OverflowException or EndOfStreamException)
        {
            throw new ImagingException($"JPEG: the data cannot be decoded ({e.Message})", e);
        }

        return new ReducedFrame(output, rows, columns, null);
    }

    /// <summary>The body of the first SOF segment (T.81 B.2.2), found by walking the marker segments; validates
    /// sizes before the library sees the data.</summary>
    private static ReadOnlySpan<byte> FindFrameHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new ImagingException("JPEG: the frame does not start with an SOI marker.");
        }

        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                throw new ImagingException($"JPEG: a marker was expected at byte {position}.");
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                throw new ImagingException($"JPEG: segment FF{marker:X2} of {length} bytes passes the end of the frame ({data.Length}).");
            }

            switch (marker)
            {
                case 0xC0 or 0xC1 or 0xC2 when length >= 8:
                    RequireScan(data, position + 2 + length);
                    return data.Slice(position + 4, length - 2);
                case 0xDA or 0xD9 or (>= 0xC3 and <= 0xCF and not 0xC4 and not 0xCC):
                    throw new ImagingException($"JPEG: marker FF{marker:X2} before a baseline/extended frame header.");
                default:
                    position += 2 + length;
                    break;
            }
        }

        throw new ImagingException("JPEG: no frame header.");
    }

    /// <summary>A frame header without a scan (SOS) after it holds no image: an error, as DCMTK says ("missing SOS
    /// marker"), not an all-zero picture (issue 17 item 6).</summary>
    private static void RequireScan(ReadOnlySpan<byte> data, int position)
    {
        while (position + 4 <= data.Length && data[position] == 0xFF)
        {
            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            if (marker == 0xDA)
            {
                return;
            }

            if (marker == 0xD9)
            {
                break;
            }

            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
        }

        throw new ImagingException("JPEG: the frame has no scan (SOS marker) after its frame header.");
    }
}
