using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Pixels;

/// <summary>The Image Pixel module attributes (PS3.3 C.7.6.3) that say how to read the pixel data, validated.</summary>
public sealed record PixelGeometry(
    int Rows,
    int Columns,
    int Frames,
    int SamplesPerPixel,
    int BitsAllocated,
    int BitsStored,
    int HighBit,
    bool IsSigned,
    string PhotometricInterpretation,
    int PlanarConfiguration)
{
    public long PixelCount => (long)Rows * Columns;

    public bool IsMonochrome => PhotometricInterpretation is "MONOCHROME1" or "MONOCHROME2";

    /// <summary>Bytes of one native (uncompressed) frame; 1-bit data is packed.</summary>
    public long FrameBytes => BitsAllocated == 1
        ? (PixelCount * SamplesPerPixel + 7) / 8
        : PixelCount * SamplesPerPixel * (BitsAllocated / 8);

    public static PixelGeometry FromDataset(DicomDataset dataset, ImagingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(limits);
        var rows = Required(dataset, DicomTags.Rows);
        var columns = Required(dataset, DicomTags.Columns);
        var bitsAllocated = Required(dataset, DicomTags.BitsAllocated);
        var bitsStored = dataset.TryGetInt32(DicomTags.BitsStored, out var stored) ? stored : bitsAllocated;
        var highBit = dataset.TryGetInt32(DicomTags.HighBit, out var high) ? high : bitsStored - 1;
        var samples = dataset.TryGetInt32(DicomTags.SamplesPerPixel, out var spp) ? spp : 1;
        var frames = 1;
        if (dataset.TryGetString(DicomTags.NumberOfFrames, out var frameText) && !string.IsNullOrWhiteSpace(frameText))
        {
            frames = int.TryParse(frameText.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new ImagingException($"Number of Frames (0028,0008) is not an integer: \"{frameText}\".");
        }

        var photometric = dataset.TryGetString(DicomTags.PhotometricInterpretation, out var pi) ? pi.Trim() : "";
        var planar = dataset.TryGetInt32(DicomTags.PlanarConfiguration, out var pc) ? pc : 0;
        var signed = dataset.TryGetInt32(DicomTags.PixelRepresentation, out var pr) && pr == 1;

        if (rows <= 0 || columns <= 0)
        {
            throw new ImagingException($"Rows × Columns is {rows} × {columns}; both must be positive.");
        }

        if ((long)rows * columns > limits.MaxPixelCount)
        {
            throw new ImagingException(
                $"Rows × Columns is {rows} × {columns} = {(long)rows * columns} pixels, over the limit of {limits.MaxPixelCount}.");
        }

        if (bitsAllocated is not (1 or 8 or 16 or 32))
        {
            throw new ImagingException($"Bits Allocated {bitsAllocated} is not supported (1, 8, 16 or 32).");
        }

        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated)
        {
            throw new ImagingException($"Bits Stored {bitsStored} / High Bit {highBit} do not fit Bits Allocated {bitsAllocated}.");
        }

        if (samples is not (1 or 3))
        {
            throw new ImagingException($"Samples per Pixel {samples} is not supported (1 or 3).");
        }

        if (frames < 1 || frames > limits.MaxFrames)
        {
            throw new ImagingException($"Number of Frames {frames} is outside 1–{limits.MaxFrames}.");
        }

        return new PixelGeometry(rows, columns, frames, samples, bitsAllocated, bitsStored, highBit, signed, photometric, planar);
    }

    private static int Required(DicomDataset dataset, DicomTag tag)
        => dataset.TryGetInt32(tag, out var value)
            ? value
            : throw new ImagingException($"{tag} {DicomDictionary.KeywordOf(tag)} is missing: the instance has no usable image.");
}
