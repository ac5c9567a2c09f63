using System.Buffers.Binary;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Colour;

/// <summary>
/// A colour frame reduced to its luminance, the one plane the display and the model take. Colour images have no
/// Modality or VOI transformation (PS3.3 C.7.6.3.1.2, C.11): the samples are shown as they are, so luminance is
/// scaled from the sample range to 0–255. Luminance is the Y of YBR_FULL (PS3.3 C.7.6.3.1.2),
/// Y = 0.299 R + 0.587 G + 0.114 B, which is also ITU-R BT.601 luma and what an RGB → gray conversion in Pillow or
/// DCMTK computes; for YBR_FULL and YBR_FULL_422 it is the first sample itself. JPEG 2000's YBR_RCT and YBR_ICT
/// arrive as RGB, since the decoder undoes the component transform (PS3.5 §8.2.4).
/// </summary>
internal static class LuminanceImage
{
    public static bool IsColour(PixelGeometry geometry)
        => (geometry.SamplesPerPixel == 3
                && geometry.PhotometricInterpretation is "RGB" or "YBR_FULL" or "YBR_FULL_422" or "YBR_RCT" or "YBR_ICT")
            || (geometry.SamplesPerPixel == 1 && geometry.PhotometricInterpretation == "PALETTE COLOR");

    /// <summary>Bytes of one native frame: YBR_FULL_422 holds two samples per pixel (Y Y Cb Cr per pixel pair,
    /// PS3.3 C.7.6.3.1.2); everything else as <see cref="PixelGeometry.FrameBytes"/>.</summary>
    public static long NativeFrameBytes(PixelGeometry geometry)
        => geometry.PhotometricInterpretation == "YBR_FULL_422"
            ? geometry.PixelCount * 2 * (geometry.BitsAllocated / 8)
            : geometry.FrameBytes;

    /// <summary>Luminance of a three-sample frame.</summary>
    /// <param name="geometry">The image pixel attributes.</param>
    /// <param name="frame">The frame's samples, little endian.</param>
    /// <param name="native">True when the bytes are the file's own (planar configuration and 4:2:2 layout apply);
    /// false when a decoder produced them (always interleaved, full resolution).</param>
    public static DisplayImage FromSamples(PixelGeometry geometry, ReadOnlySpan<byte> frame, bool native)
    {
        if (geometry.BitsAllocated is not (8 or 16))
        {
            throw new ImagingException($"Colour with Bits Allocated {geometry.BitsAllocated} is not supported (8 or 16).");
        }

        var pixels = checked((int)geometry.PixelCount);
        var wide = geometry.BitsAllocated == 16;
        var max = (double)((1 << Math.Min(geometry.BitsStored, 16)) - 1);
        var pi = geometry.PhotometricInterpretation;
        var subsampled = native && pi == "YBR_FULL_422";
        var planar = native && !subsampled && geometry.PlanarConfiguration == 1;
        var lumaIsFirstSample = pi is "YBR_FULL" or "YBR_FULL_422";
        var output = new byte[pixels];
        for (var i = 0; i < pixels; i++)
        {
            double y;
            if (subsampled)
            {
                y = Sample(frame, ((i / 2) * 4) + (i % 2), wide);
            }
            else if (lumaIsFirstSample)
            {
                y = Sample(frame, planar ? i : i * 3, wide);
            }
            else
            {
                var (r, g, b) = planar ? (i, pixels + i, (2 * pixels) + i) : (i * 3, (i * 3) + 1, (i * 3) + 2);
                y = (0.299 * Sample(frame, r, wide)) + (0.587 * Sample(frame, g, wide)) + (0.114 * Sample(frame, b, wide));
            }

            output[i] = (byte)Math.Round(Math.Clamp(y / max, 0, 1) * 255);
        }

        return Result(geometry, output);
    }

    /// <summary>Luminance of a PALETTE COLOR frame: each stored value looked up in the Red, Green and Blue Palette
    /// Color LUTs (PS3.3 C.7.6.3.1.5–6), then Y as for RGB.</summary>
    public static DisplayImage FromPalette(DicomDataset dataset, PixelGeometry geometry, int[] stored)
    {
        var red = Palette(dataset, DicomTags.RedPaletteColorLookupTableDescriptor, DicomTags.RedPaletteColorLookupTableData, "Red");
        var green = Palette(dataset, DicomTags.GreenPaletteColorLookupTableDescriptor, DicomTags.GreenPaletteColorLookupTableData, "Green");
        var blue = Palette(dataset, DicomTags.BluePaletteColorLookupTableDescriptor, DicomTags.BluePaletteColorLookupTableData, "Blue");
        var output = new byte[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            var v = stored[i];
            var y = (0.299 * red[v] / red.MaxOutput) + (0.587 * green[v] / green.MaxOutput) + (0.114 * blue[v] / blue.MaxOutput);
            output[i] = (byte)Math.Round(Math.Clamp(y, 0, 1) * 255);
        }

        return Result(geometry, output);
    }

    private static LookupTable Palette(DicomDataset dataset, DicomTag descriptor, DicomTag data, string colour)
    {
        var item = new DicomDataset();
        if (dataset.TryGetItem(descriptor, out var d) && d is DicomElement descriptorElement)
        {
            item.Add(new DicomElement(DicomTags.LUTDescriptor, descriptorElement.VR, descriptorElement.Buffer));
        }

        if (dataset.TryGetItem(data, out var v) && v is DicomElement dataElement)
        {
            item.Add(new DicomElement(DicomTags.LUTData, dataElement.VR, dataElement.Buffer));
        }

        return LookupTable.TryFromItem(item, signedInput: false, out var problem)
            ?? throw new ImagingException(
                $"The {colour} Palette Color LUT is not usable ({problem}; segmented palettes are not supported).");
    }

    private static double Sample(ReadOnlySpan<byte> frame, int index, bool wide)
        => wide ? BinaryPrimitives.ReadUInt16LittleEndian(frame[(index * 2)..]) : frame[index];

    private static DisplayImage Result(PixelGeometry geometry, byte[] output)
        => new(
            geometry.Columns,
            geometry.Rows,
            output,
            $"colour source ({geometry.PhotometricInterpretation}): luminance, no VOI",
            Inverted: false)
        {
            Notes = [$"colour source ({geometry.PhotometricInterpretation}) reduced to luminance Y = 0.299 R + 0.587 G + 0.114 B"],
        };
}
