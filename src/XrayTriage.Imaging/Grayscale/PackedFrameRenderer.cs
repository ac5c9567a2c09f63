using System.Runtime.InteropServices;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>
/// The fast path for native 8- and 16-bit frames whose window comes from the file or the user: one table over every
/// possible raw word (masking, sign extension, Modality LUT, VOI and inversion folded in) and one pass from the
/// pixel bytes to the display image — no intermediate array of stored values. Frames that need the automatic
/// window take the general path, which needs their histogram.
/// </summary>
internal static class PackedFrameRenderer
{
    public static DisplayImage? TryRender(DicomDataset dataset, PixelGeometry geometry, ReadOnlySpan<byte> frame, RenderOptions options)
    {
        if (geometry.SamplesPerPixel != 1 || geometry.BitsAllocated is not (8 or 16) || frame.Length < geometry.FrameBytes)
        {
            return null;
        }

        var modality = ModalityTransform.FromDataset(dataset, geometry.IsSigned);
        var voi = GrayscaleRenderer.GivenVoi(dataset, geometry, modality, options, out _);
        if (voi is null || modality.Ignored is not null)
        {
            return null;
        }

        var padding = PixelPadding.FromDataset(dataset);
        var invert = GrayscaleRenderer.Inverts(dataset, geometry);
        var shift = geometry.HighBit + 1 - geometry.BitsStored;
        var mask = (1u << geometry.BitsStored) - 1;
        var signBit = 1u << (geometry.BitsStored - 1);
        var table = new byte[1 << geometry.BitsAllocated];
        for (var word = 0; word < table.Length; word++)
        {
            var stored = NativeFrameDecoder.Extend(((uint)word >> shift) & mask, mask, signBit, geometry.IsSigned);
            table[word] = GrayscaleRenderer.Map(stored, modality, voi, invert, padding, options.BlackenPadding);
        }

        var pixels = checked((int)geometry.PixelCount);
        var output = GC.AllocateUninitializedArray<byte>(pixels);
        ReadOnlySpan<byte> lookup = table;
        if (geometry.BitsAllocated == 8)
        {
            for (var i = 0; i < pixels; i++)
            {
                output[i] = lookup[frame[i]];
            }
        }
        else
        {
            // Little-endian words: the toolkit normalizes byte order.
            var words = MemoryMarshal.Cast<byte, ushort>(frame[..(pixels * 2)]);
            for (var i = 0; i < pixels; i++)
            {
                output[i] = lookup[BitConverter.IsLittleEndian
                    ? words[i]
                    : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words[i])];
            }
        }

        return new DisplayImage(geometry.Columns, geometry.Rows, output, voi.Description, invert);
    }
}
