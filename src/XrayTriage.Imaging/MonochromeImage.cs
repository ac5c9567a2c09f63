using XrayTriage.Dicom;
using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Colour;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging;

/// <summary>From a DICOM instance to its display image: geometry checked against the limits, the frame decoded,
/// the grayscale pipeline applied; a colour source (RGB, YBR, PALETTE COLOR) is reduced to its luminance, with a
/// note saying so.</summary>
public static class MonochromeImage
{
    public static DisplayImage Render(DicomFile file, RenderOptions? options = null, ImagingLimits? limits = null, int frame = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dataset = FunctionalGroups.ForFrame(file.Dataset, frame);
        if (file.TransferSyntax.IsEncapsulated && FrameDecoderRegistry.Find(file.TransferSyntax) is null)
        {
            throw new ImagingException(
                $"Unsupported transfer syntax: {file.TransferSyntax.Name} ({file.TransferSyntax.Uid.Value}) cannot be decoded.");
        }

        var geometry = PixelGeometry.FromDataset(dataset, limits ?? ImagingLimits.Default);
        if (LuminanceImage.IsColour(geometry))
        {
            return RenderColour(file, dataset, geometry, frame);
        }

        if (!geometry.IsMonochrome || geometry.SamplesPerPixel != 1)
        {
            throw new ImagingException(
                $"Photometric Interpretation \"{geometry.PhotometricInterpretation}\" with {geometry.SamplesPerPixel} sample(s) "
                + "per pixel is neither grayscale nor a supported colour model.");
        }

        options ??= RenderOptions.Default;
        if (file.Dataset.TryGetItem(DicomTags.PixelData, out var item) && item is DicomFragmentSequence fragments)
        {
            if (options.MinimumShortSide > 0 && FrameDecoderRegistry.Find(file.TransferSyntax) is IReducingFrameDecoder reducing)
            {
                return RenderReduced(file, dataset, fragments, geometry, frame, reducing, options);
            }

            // Decoded samples are right-aligned (High Bit = Bits Stored − 1): a file window maps them through one table,
            // without an int per pixel (an 8192² frame would need 256 MB for that array alone).
            var native = DecodeEncapsulatedSamples(file, fragments, geometry, frame);
            var single = geometry with { Frames = 1, HighBit = geometry.BitsStored - 1 };
            return PackedFrameRenderer.TryRender(dataset, single, native, options)
                ?? GrayscaleRenderer.Render(dataset, geometry, NativeFrameDecoder.Decode(native, single, 0), options);
        }

        // A file-backed value is read from disk on every GetMemory: read the native pixel data once for both paths.
        var pixelData = NativePixelData(file, geometry, frame);
        var frameBytes = pixelData.Span.Slice(checked((int)(geometry.FrameBytes * frame)), (int)geometry.FrameBytes);
        return PackedFrameRenderer.TryRender(dataset, geometry, frameBytes, options)
            ?? GrayscaleRenderer.Render(dataset, geometry, NativeFrameDecoder.Decode(pixelData.Span, geometry, frame), options);
    }

    public static int[] DecodeFrame(DicomFile file, PixelGeometry geometry, int frame)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(geometry);
        return file.Dataset.TryGetItem(DicomTags.PixelData, out var item) && item is DicomFragmentSequence fragments
            ? DecodeEncapsulated(file, fragments, geometry, frame)
            : NativeFrameDecoder.Decode(NativePixelData(file, geometry, frame).Span, geometry, frame);
    }

    private static DisplayImage RenderColour(DicomFile file, DicomDataset dataset, PixelGeometry geometry, int frame)
    {
        if (geometry.SamplesPerPixel == 1)
        {
            return LuminanceImage.FromPalette(dataset, geometry, DecodeFrame(file, geometry, frame));
        }

        if (file.Dataset.TryGetItem(DicomTags.PixelData, out var item) && item is DicomFragmentSequence fragments)
        {
            return LuminanceImage.FromSamples(geometry, DecodeEncapsulatedSamples(file, fragments, geometry, frame), native: false);
        }

        var frameBytes = LuminanceImage.NativeFrameBytes(geometry);
        var pixelData = NativePixelData(file, geometry, frame, frameBytes * (frame + 1));
        return LuminanceImage.FromSamples(
            geometry, pixelData.Span.Slice(checked((int)(frameBytes * frame)), (int)frameBytes), native: true);
    }

    /// <summary>The whole native Pixel Data value, checked to hold the asked-for frame.</summary>
    private static ReadOnlyMemory<byte> NativePixelData(DicomFile file, PixelGeometry geometry, int frame, long? needed = null)
    {
        if (!file.Dataset.TryGetItem(DicomTags.PixelData, out var item))
        {
            throw new ImagingException("The instance has no Pixel Data (7FE0,0010).");
        }

        if (file.TransferSyntax.IsEncapsulated || item is not DicomElement element)
        {
            throw new ImagingException($"Pixel Data is not encapsulated although the transfer syntax is {file.TransferSyntax.Name}.");
        }

        if (element.Length < (needed ?? geometry.FrameBytes * (frame + 1)))
        {
            throw new ImagingException(
                $"Pixel Data holds {element.Length} bytes; "
                + $"{geometry.Rows} × {geometry.Columns} × {geometry.BitsAllocated} bits needs {geometry.FrameBytes} per frame.");
        }

        var bytes = element.Buffer.GetMemory();
        return file.TransferSyntax.IsBigEndian ? BigEndianSamples.ToLittleEndian(bytes, element.VR, geometry.BitsAllocated) : bytes;
    }

    /// <summary>The frame decoded at a lower resolution where its codec can (<see cref="RenderOptions.MinimumShortSide"/>),
    /// then the same grayscale pipeline on the smaller plane.</summary>
    private static DisplayImage RenderReduced(
        DicomFile file, DicomDataset dataset, DicomFragmentSequence fragments, PixelGeometry geometry, int frame,
        IReducingFrameDecoder decoder, RenderOptions options)
    {
        var decoded = decoder.DecodeReduced(JoinFragments(fragments, geometry, frame), geometry, options.MinimumShortSide);
        var reduced = geometry with { Rows = decoded.Rows, Columns = decoded.Columns, Frames = 1, HighBit = geometry.BitsStored - 1 };
        if (decoded.Samples.Length < reduced.FrameBytes)
        {
            throw new ImagingException(
                $"The {file.TransferSyntax.Name} decoder returned {decoded.Samples.Length} bytes; the frame needs {reduced.FrameBytes}.");
        }

        var image = PackedFrameRenderer.TryRender(dataset, reduced, decoded.Samples, options)
            ?? GrayscaleRenderer.Render(dataset, reduced, NativeFrameDecoder.Decode(decoded.Samples, reduced, 0), options);
        return decoded.Reduction is null
            ? image
            : image with
            {
                Notes =
                [
                    .. image.Notes,
                    $"decoded at {decoded.Columns} × {decoded.Rows} of {geometry.Columns} × {geometry.Rows} ({decoded.Reduction})",
                ],
            };
    }

    private static int[] DecodeEncapsulated(DicomFile file, DicomFragmentSequence fragments, PixelGeometry geometry, int frame)
    {
        var native = DecodeEncapsulatedSamples(file, fragments, geometry, frame);
        return NativeFrameDecoder.Decode(native, geometry with { Frames = 1, HighBit = geometry.BitsStored - 1 }, 0);
    }

    /// <summary>Why fragments sit under a native transfer syntax. A File Meta Information group inside the data set
    /// (group 0002 belongs only in the meta header, PS3.10 §7.1) often carries the syntax the pixels were written in.</summary>
    private static string MisplacedEncapsulation(DicomFile file)
    {
        var message = "Pixel Data is encapsulated (fragments), but the transfer syntax "
            + $"{file.TransferSyntax.Name} ({file.TransferSyntax.Uid.Value}) is not an encapsulated one";
        return file.Dataset.TryGetString(DicomTags.TransferSyntaxUID, out var inner)
            ? $"{message}; the data set carries a second File Meta Information group (0002,xxxx), "
                + $"whose Transfer Syntax UID is {inner.Trim()}, though group 0002 belongs only in the meta header (PS3.10 §7.1)."
            : message + ".";
    }

    /// <summary>One encapsulated frame decoded to native samples (interleaved, little endian, right-aligned).</summary>
    private static byte[] DecodeEncapsulatedSamples(DicomFile file, DicomFragmentSequence fragments, PixelGeometry geometry, int frame)
    {
        var transferSyntax = file.TransferSyntax;
        if (!transferSyntax.IsEncapsulated)
        {
            throw new ImagingException(MisplacedEncapsulation(file));
        }

        var decoder = FrameDecoderRegistry.Find(transferSyntax)
            ?? throw new ImagingException(
                $"Unsupported transfer syntax: {transferSyntax.Name} ({transferSyntax.Uid.Value}) cannot be decoded.");
        var native = decoder.Decode(JoinFragments(fragments, geometry, frame), geometry);
        var single = geometry with { Frames = 1, HighBit = geometry.BitsStored - 1 };
        if (native.Length < single.FrameBytes)
        {
            throw new ImagingException(
                $"The {transferSyntax.Name} decoder returned {native.Length} bytes; the frame needs {single.FrameBytes}.");
        }

        return native;
    }

    /// <summary>One frame's fragments as one buffer.</summary>
    private static byte[] JoinFragments(DicomFragmentSequence fragments, PixelGeometry geometry, int frame)
    {
        var frames = fragments.GetFrames(geometry.Frames);
        if (frame >= frames.Count)
        {
            throw new ImagingException($"Pixel Data holds {frames.Count} frame(s); frame {frame} was asked for.");
        }

        var parts = frames[frame];
        var length = parts.Sum(p => p.Length);
        if (length > int.MaxValue)
        {
            throw new ImagingException($"Frame {frame} is {length} bytes, too large to decode.");
        }

        var encoded = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            part.GetMemory().Span.CopyTo(encoded.AsSpan(offset));
            offset += (int)part.Length;
        }

        return encoded;
    }
}
