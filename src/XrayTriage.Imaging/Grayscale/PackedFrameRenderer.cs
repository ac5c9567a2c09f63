using System.Buffers.Binary;
using System.Runtime.InteropServices;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>
/// The fast path for native 8- and 16-bit frames: one table over every possible raw word (masking, sign extension,
/// Modality LUT, VOI and inversion folded in) and one pass from the pixel bytes to the display image — no intermediate
/// array of stored values (an 8192² frame would need 256 MB for that array alone). The window comes from the file or
/// the user, or, when neither gives one, from a histogram of the raw words (the same percentiles as
/// <see cref="AutoWindow.Compute"/> on the stored values, so the picture is identical to the general path's).
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
        if (modality.Ignored is not null)
        {
            return null;
        }

        var padding = PixelPadding.FromDataset(dataset);
        var invert = GrayscaleRenderer.Inverts(dataset, geometry);
        var pixels = checked((int)geometry.PixelCount);
        var stored = StoredValues(geometry);
        var voi = GrayscaleRenderer.GivenVoi(dataset, geometry, modality, options, out var ignoredVoiLut)
            ?? AutoWindowFromWords(WordCounts(frame, pixels, geometry.BitsAllocated), stored, modality, padding, options);
        var table = new byte[stored.Length];
        for (var word = 0; word < table.Length; word++)
        {
            table[word] = GrayscaleRenderer.Map(stored[word], modality, voi, invert, padding, options.BlackenPadding);
        }

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
                output[i] = lookup[BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i])];
            }
        }

        return new DisplayImage(geometry.Columns, geometry.Rows, output, voi.Description, invert)
        {
            Notes = ignoredVoiLut is null ? [] : [ignoredVoiLut],
        };
    }

    /// <summary>The stored value of every possible raw word: bits outside Bits Stored masked off, sign extended.</summary>
    private static int[] StoredValues(PixelGeometry geometry)
    {
        var shift = geometry.HighBit + 1 - geometry.BitsStored;
        var mask = (1u << geometry.BitsStored) - 1;
        var signBit = 1u << (geometry.BitsStored - 1);
        var stored = new int[1 << geometry.BitsAllocated];
        for (var word = 0; word < stored.Length; word++)
        {
            stored[word] = NativeFrameDecoder.Extend(((uint)word >> shift) & mask, mask, signBit, geometry.IsSigned);
        }

        return stored;
    }

    private static int[] WordCounts(ReadOnlySpan<byte> frame, int pixels, int bitsAllocated)
    {
        var counts = new int[1 << bitsAllocated];
        if (bitsAllocated == 8)
        {
            foreach (var b in frame[..pixels])
            {
                counts[b]++;
            }
        }
        else
        {
            foreach (var word in MemoryMarshal.Cast<byte, ushort>(frame[..(pixels * 2)]))
            {
                counts[BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word)]++;
            }
        }

        return counts;
    }

    /// <summary>The automatic window from the raw words' histogram folded onto stored values (padding left out).</summary>
    private static VoiTransform AutoWindowFromWords(
        int[] wordCounts, int[] stored, ModalityTransform modality, PixelPadding padding, RenderOptions options)
    {
        int min = int.MaxValue, max = int.MinValue;
        for (var word = 0; word < wordCounts.Length; word++)
        {
            if (wordCounts[word] > 0 && !padding.IsPadding(stored[word]))
            {
                min = Math.Min(min, stored[word]);
                max = Math.Max(max, stored[word]);
            }
        }

        var counts = new int[min > max ? 0 : max - min + 1];
        for (var word = 0; word < wordCounts.Length && counts.Length > 0; word++)
        {
            if (wordCounts[word] > 0 && !padding.IsPadding(stored[word]))
            {
                counts[stored[word] - min] += wordCounts[word];
            }
        }

        return AutoWindow.FromHistogram(counts.Length > 0 ? min : 0, counts, modality, options.LowPercentile, options.HighPercentile);
    }
}
