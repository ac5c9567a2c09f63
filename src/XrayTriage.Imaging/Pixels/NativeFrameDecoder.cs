using System.Buffers.Binary;

namespace XrayTriage.Imaging.Pixels;

/// <summary>
/// Reads one frame of native (uncompressed) monochrome pixel data into stored values (PS3.5 §8.1.1, Annex D):
/// the bits outside Bits Stored / High Bit are masked off and signed values are sign-extended from Bits Stored.
/// The toolkit hands over values in little-endian order whatever the transfer syntax.
/// </summary>
public static class NativeFrameDecoder
{
    public static int[] Decode(ReadOnlySpan<byte> pixelData, PixelGeometry geometry, int frame)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.SamplesPerPixel != 1)
        {
            throw new ImagingException(
                $"Only single-sample (monochrome) pixel data is decoded; Samples per Pixel is {geometry.SamplesPerPixel}.");
        }

        if (frame < 0 || frame >= geometry.Frames)
        {
            throw new ImagingException($"Frame {frame} does not exist (Number of Frames is {geometry.Frames}).");
        }

        var pixels = checked((int)geometry.PixelCount);
        if (geometry.BitsAllocated == 1)
        {
            return DecodeBits(pixelData, pixels, frame);
        }

        var bytesPerSample = geometry.BitsAllocated / 8;
        var frameBytes = (long)pixels * bytesPerSample;
        var start = frameBytes * frame;
        if (start + frameBytes > pixelData.Length)
        {
            throw new ImagingException(
                $"Pixel Data holds {pixelData.Length} bytes; "
                + $"frame {frame} needs bytes {start}–{start + frameBytes} ({geometry.Rows} × {geometry.Columns} × {bytesPerSample}).");
        }

        var source = pixelData.Slice((int)start, (int)frameBytes);
        var values = GC.AllocateUninitializedArray<int>(pixels); // every element is written below
        var shift = geometry.HighBit + 1 - geometry.BitsStored;
        var mask = geometry.BitsStored == 32 ? uint.MaxValue : (1u << geometry.BitsStored) - 1;
        var signBit = 1u << (geometry.BitsStored - 1);
        var signed = geometry.IsSigned;
        switch (bytesPerSample)
        {
            case 1:
                for (var i = 0; i < pixels; i++)
                {
                    values[i] = Extend((uint)source[i] >> shift & mask, mask, signBit, signed);
                }

                break;
            case 2:
                // Little-endian 16-bit words (the toolkit normalizes byte order); Cast avoids per-sample reads.
                var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(source);
                for (var i = 0; i < pixels; i++)
                {
                    var raw = BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
                    values[i] = Extend((uint)raw >> shift & mask, mask, signBit, signed);
                }

                break;
            default:
                for (var i = 0; i < pixels; i++)
                {
                    var raw = BinaryPrimitives.ReadUInt32LittleEndian(source[(i * 4)..]) >> shift & mask;
                    if (!signed && raw > int.MaxValue)
                    {
                        throw new ImagingException(
                            $"Stored value {raw} at pixel {i} of frame {frame} is above {int.MaxValue}, "
                            + "the largest unsigned 32-bit value rendered.");
                    }

                    values[i] = Extend(raw, mask, signBit, signed);
                }

                break;
        }

        return values;
    }

    /// <summary>Sign-extends a masked stored value when Pixel Representation is signed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int Extend(uint stored, uint mask, uint signBit, bool signed)
        => signed && (stored & signBit) != 0 ? (int)(stored | ~mask) : (int)stored;

    private static int[] DecodeBits(ReadOnlySpan<byte> pixelData, int pixels, int frame)
    {
        var firstBit = (long)pixels * frame;
        if ((firstBit + pixels + 7) / 8 > pixelData.Length)
        {
            throw new ImagingException($"Pixel Data holds {pixelData.Length} bytes, too few for frame {frame} of 1-bit data.");
        }

        var values = new int[pixels];
        for (var i = 0; i < pixels; i++)
        {
            var bit = firstBit + i;
            values[i] = (pixelData[(int)(bit >> 3)] >> (int)(bit & 7)) & 1;
        }

        return values;
    }
}
