using System.Buffers.Binary;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): a 64-byte header of up to 15 segment offsets, one PackBits segment per byte of
/// each sample (most significant byte first, sample after sample), each segment decoding to Rows × Columns bytes.
/// </summary>
internal sealed class RleFrameDecoder : IFrameDecoder
{
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    public IReadOnlyCollection<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.5"];

    public byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var data = frame.Span;
        if (geometry.BitsAllocated is not (8 or 16 or 32))
        {
            throw new ImagingException($"RLE: Bits Allocated {geometry.BitsAllocated} is not supported (8, 16 or 32).");
        }

        var bytesPerSample = geometry.BitsAllocated / 8;
        var expectedSegments = bytesPerSample * geometry.SamplesPerPixel;
        if (data.Length < HeaderLength)
        {
            throw new ImagingException($"RLE: the frame is {data.Length} bytes, shorter than the 64-byte segment header.");
        }

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (segments != expectedSegments || segments > MaxSegments)
        {
            throw new ImagingException(
                $"RLE: the header declares {segments} segments; "
                + $"{geometry.SamplesPerPixel} sample(s) of {geometry.BitsAllocated} bits need {expectedSegments}.");
        }

        var offsets = new int[segments + 1];
        for (var s = 0; s < segments; s++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + (s * 4))..]);
            var previous = s == 0 ? HeaderLength : offsets[s - 1];
            if (offset < previous || offset > (uint)data.Length || (s == 0 && offset != HeaderLength))
            {
                throw new ImagingException($"RLE: segment {s + 1} offset {offset} is outside {previous}–{data.Length}.");
            }

            offsets[s] = (int)offset;
        }

        offsets[segments] = data.Length;
        var pixels = checked((int)geometry.PixelCount);
        var output = new byte[checked(pixels * expectedSegments)];
        var plane = new byte[pixels];
        for (var s = 0; s < segments; s++)
        {
            DecodeSegment(data[offsets[s]..offsets[s + 1]], plane, s + 1);
            var sample = s / bytesPerSample;
            var byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
            var stride = expectedSegments;
            var start = (sample * bytesPerSample) + byteInSample;
            for (var i = 0; i < pixels; i++)
            {
                output[start + (i * stride)] = plane[i];
            }
        }

        return output;
    }

    /// <summary>PackBits (PS3.5 G.3.2): n in 0..127 copies n+1 literal bytes, −127..−1 repeats the next byte 1−n
    /// times, −128 does nothing. Runs may cross rows; bytes beyond the plane (encoder padding) are ignored.</summary>
    private static void DecodeSegment(ReadOnlySpan<byte> segment, Span<byte> plane, int number)
    {
        var read = 0;
        var written = 0;
        while (written < plane.Length && read < segment.Length)
        {
            var n = (sbyte)segment[read++];
            if (n >= 0)
            {
                var count = n + 1;
                if (read + count > segment.Length)
                {
                    throw new ImagingException($"RLE: segment {number} literal run of {count} bytes passes the end of the segment.");
                }

                var take = Math.Min(count, plane.Length - written);
                segment.Slice(read, take).CopyTo(plane[written..]);
                read += count;
                written += take;
            }
            else if (n != -128)
            {
                if (read >= segment.Length)
                {
                    throw new ImagingException($"RLE: segment {number} replicate run has no byte to repeat.");
                }

                var take = Math.Min(1 - n, plane.Length - written);
                plane.Slice(written, take).Fill(segment[read++]);
                written += take;
            }
        }

        if (written < plane.Length)
        {
            throw new ImagingException($"RLE: segment {number} decodes to {written} bytes; the frame needs {plane.Length}.");
        }
    }
}
