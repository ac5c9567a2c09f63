using System.Buffers.Binary;
using System.Runtime.InteropServices;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// JPEG 2000 Lossless (.90) and lossy (.91) through Debian's OpenJPEG 2: a raw J2K codestream or a JP2 file, read from
/// memory. The SIZ header is checked in managed code first and the image OpenJPEG reports is checked again before
/// its samples are copied out as 8- or 16-bit little-endian values (two's complement when signed).
/// </summary>
internal sealed class Jpeg2000FrameDecoder : IFrameDecoder, IReducingFrameDecoder
{
    public IReadOnlyCollection<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"];

    public byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry) => Decode(frame, geometry, 0).Samples;

    /// <summary>Skips the highest resolution levels the caller does not need: level r halves each side r times
    /// (T.800 B.5), so OpenJPEG leaves out their code-blocks and inverse wavelet steps.</summary>
    public ReducedFrame DecodeReduced(ReadOnlyMemory<byte> frame, PixelGeometry geometry, int minimumShortSide)
        => Decode(frame, geometry, minimumShortSide);

    private static ReducedFrame Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry, int minimumShortSide)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.BitsAllocated is not (8 or 16))
        {
            throw new ImagingException($"JPEG 2000: Bits Allocated {geometry.BitsAllocated} is not supported (8 or 16).");
        }

        var isJp2 = J2kCodestreamHeader.Check(frame.Span, geometry);
        NativeCodecLibraries.EnsureRegistered();
        string? error = null;
        OpenJpegNative.MessageFunction onError = (message, _) => error ??= Marshal.PtrToStringAnsi(message)?.Trim();
        IntPtr codec;
        try
        {
            codec = OpenJpegNative.CreateDecompress(isJp2 ? OpenJpegNative.CodecJp2 : OpenJpegNative.CodecJ2k);
        }
        catch (DllNotFoundException e)
        {
            throw new ImagingException("JPEG 2000 needs OpenJPEG (libopenjp2.so.7): apt-get install libopenjp2-7.", e);
        }

        if (codec == IntPtr.Zero)
        {
            throw new ImagingException("JPEG 2000: OpenJPEG could not create a decoder.");
        }

        var parameters = Marshal.AllocHGlobal(OpenJpegNative.DecoderParametersSize);
        var image = IntPtr.Zero;
        using var stream = new OpenJpegMemoryStream(frame.ToArray());
        try
        {
            Marshal.Copy(new byte[OpenJpegNative.DecoderParametersSize], 0, parameters, OpenJpegNative.DecoderParametersSize);
            OpenJpegNative.SetDefaultDecoderParameters(parameters);
            Check(OpenJpegNative.SetErrorHandler(codec, onError, IntPtr.Zero), "set_error_handler", error);
            Check(OpenJpegNative.SetupDecoder(codec, parameters), "setup_decoder", error);

            // Strict: a truncated codestream is an error, not a silently blurred partial image.
            Check(OpenJpegNative.SetStrictMode(codec, 1), "decoder_set_strict_mode", error);
            Check(OpenJpegNative.ReadHeader(stream.Handle, codec, out image), "read_header", error);
            CheckImage(image, geometry, decoded: false);
            var level = Level(geometry, minimumShortSide);
            while (level > 0 && OpenJpegNative.SetDecodedResolutionFactor(codec, (uint)level) == 0)
            {
                level--; // fewer decomposition levels in the codestream than asked for
            }

            error = null;
            Check(OpenJpegNative.Decode(codec, stream.Handle, image), "decode", error);
            Check(OpenJpegNative.EndDecompress(codec, stream.Handle), "end_decompress", error);
            var reduced = geometry with { Rows = Halve(geometry.Rows, level), Columns = Halve(geometry.Columns, level) };
            return new ReducedFrame(
                ToNative(CheckImage(image, reduced, decoded: true), reduced), reduced.Rows, reduced.Columns,
                level == 0 ? null : $"JPEG 2000 resolution level {level} (1/{1 << level})");
        }
        finally
        {
            if (image != IntPtr.Zero)
            {
                OpenJpegNative.ImageDestroy(image);
            }

            OpenJpegNative.DestroyCodec(codec);
            Marshal.FreeHGlobal(parameters);
            GC.KeepAlive(onError);
        }
    }

    /// <summary>The most levels to skip while the short side keeps <paramref name="minimumShortSide"/> pixels.</summary>
    private static int Level(PixelGeometry geometry, int minimumShortSide)
    {
        var level = 0;
        while (minimumShortSide > 0 && level < 32
               && Math.Min(Halve(geometry.Rows, level + 1), Halve(geometry.Columns, level + 1)) >= minimumShortSide)
        {
            level++;
        }

        return level;
    }

    /// <summary>A side at resolution level <paramref name="level"/>: ⌈side / 2^level⌉ (image origin 0).</summary>
    private static int Halve(int side, int level) => (int)(((long)side + (1L << level) - 1) >> level);

    private static void Check(int result, string call, string? error)
    {
        if (result == 0)
        {
            throw new ImagingException($"JPEG 2000: OpenJPEG {call} failed{(error is null ? "" : $" ({error})")}.");
        }
    }

    /// <summary>The image's components, each equal to Rows × Columns with a precision that fits Bits Allocated.</summary>
    private static OpenJpegNative.ImageComponent[] CheckImage(IntPtr imagePointer, PixelGeometry geometry, bool decoded)
    {
        if (imagePointer == IntPtr.Zero)
        {
            throw new ImagingException("JPEG 2000: OpenJPEG returned no image.");
        }

        var image = Marshal.PtrToStructure<OpenJpegNative.Image>(imagePointer);
        if (image.ComponentCount != geometry.SamplesPerPixel || image.Components == IntPtr.Zero)
        {
            throw new ImagingException(
                $"JPEG 2000: the image has {image.ComponentCount} components; Samples per Pixel is {geometry.SamplesPerPixel}.");
        }

        var size = Marshal.SizeOf<OpenJpegNative.ImageComponent>();
        var components = new OpenJpegNative.ImageComponent[image.ComponentCount];
        for (var c = 0; c < components.Length; c++)
        {
            var component = Marshal.PtrToStructure<OpenJpegNative.ImageComponent>(image.Components + (c * size));
            if (component.Width != geometry.Columns || component.Height != geometry.Rows || component.Precision < 1
                || component.Precision > Math.Min(16, geometry.BitsAllocated) || (decoded && component.Data == IntPtr.Zero))
            {
                throw new ImagingException(
                    $"JPEG 2000: component {c} is {component.Height} × {component.Width}, {component.Precision} bits; "
                    + $"expected {geometry.Rows} × {geometry.Columns}, at most {geometry.BitsAllocated} bits.");
            }

            components[c] = component;
        }

        return components;
    }

    private static byte[] ToNative(OpenJpegNative.ImageComponent[] components, PixelGeometry geometry)
    {
        var pixels = checked((int)geometry.PixelCount);
        var count = components.Length;
        var bytesPerSample = geometry.BitsAllocated / 8;
        var output = new byte[checked(pixels * count * bytesPerSample)];
        var values = new int[pixels];
        for (var c = 0; c < count; c++)
        {
            Marshal.Copy(components[c].Data, values, 0, pixels);
            var precision = (int)components[c].Precision;
            var signed = components[c].Signed != 0;
            var min = signed ? -(1 << (precision - 1)) : 0;
            var max = signed ? (1 << (precision - 1)) - 1 : (1 << precision) - 1;
            for (var i = 0; i < pixels; i++)
            {
                var value = Math.Clamp(values[i], min, max);
                var index = (i * count) + c;
                if (bytesPerSample == 1)
                {
                    output[index] = (byte)value;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(index * 2), (ushort)value);
                }
            }
        }

        return output;
    }
}
