using System.Buffers.Binary;
using System.Runtime.InteropServices;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// JPEG-LS Lossless (.80) and Near-Lossless (.81) through Debian's CharLS 2.x. The marker segments and the SOF55
/// frame header (T.87 C.2.2) are checked in managed code first, then again as CharLS reads them; CharLS only decodes
/// into a buffer whose size we computed from Rows × Columns.
/// </summary>
internal sealed class JpegLsFrameDecoder : IFrameDecoder
{
    private const int InterleaveNone = 0;

    public IReadOnlyCollection<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"];

    public byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var bits = CheckFrameHeader(frame.Span, geometry);
        var bytesPerSample = bits <= 8 ? 1 : 2;
        var samples = checked((int)geometry.PixelCount * geometry.SamplesPerPixel);
        var decoded = new byte[checked(samples * bytesPerSample)];
        var source = GC.AllocateUninitializedArray<byte>(frame.Length, pinned: true);
        frame.Span.CopyTo(source);
        int interleave;
        NativeCodecLibraries.EnsureRegistered();
        IntPtr decoder;
        try
        {
            decoder = CharLsNative.Create();
        }
        catch (DllNotFoundException e)
        {
            throw new ImagingException("JPEG-LS needs CharLS (libcharls.so.2): apt-get install libcharls2.", e);
        }

        if (decoder == IntPtr.Zero)
        {
            throw new ImagingException("JPEG-LS: CharLS could not create a decoder.");
        }

        try
        {
            Check(
                CharLsNative.SetSourceBuffer(decoder, Marshal.UnsafeAddrOfPinnedArrayElement(source, 0), (nuint)source.Length),
                "set_source_buffer");
            Check(CharLsNative.ReadHeader(decoder), "read_header");
            Check(CharLsNative.GetFrameInfo(decoder, out var info), "get_frame_info");
            if (info.Width != geometry.Columns || info.Height != geometry.Rows
                || info.BitsPerSample != bits || info.ComponentCount != geometry.SamplesPerPixel)
            {
                throw new ImagingException(
                    $"JPEG-LS: CharLS reads {info.Height} × {info.Width}, {info.BitsPerSample} bits, {info.ComponentCount} components; "
                    + $"expected {geometry.Rows} × {geometry.Columns}, {bits} bits, {geometry.SamplesPerPixel}.");
            }

            Check(CharLsNative.GetInterleaveMode(decoder, out interleave), "get_interleave_mode");
            Check(CharLsNative.GetDestinationSize(decoder, 0, out var size), "get_destination_size");
            if (size != (nuint)decoded.Length)
            {
                throw new ImagingException($"JPEG-LS: CharLS needs {size} bytes of output; the frame has {decoded.Length}.");
            }

            Check(CharLsNative.DecodeToBuffer(decoder, decoded, (nuint)decoded.Length, 0), "decode_to_buffer");
        }
        finally
        {
            CharLsNative.Destroy(decoder);
        }

        if (geometry.SamplesPerPixel > 1 && interleave == InterleaveNone)
        {
            decoded = Interleave(decoded, geometry.SamplesPerPixel, bytesPerSample);
        }

        return bytesPerSample == 1 && geometry.BitsAllocated == 16 ? Widen(decoded) : decoded;
    }

    /// <summary>Walks the marker segments up to SOF55 (T.87 C.2.2); returns its sample precision.</summary>
    private static int CheckFrameHeader(ReadOnlySpan<byte> data, PixelGeometry geometry)
    {
        if (geometry.BitsAllocated is not (8 or 16))
        {
            throw new ImagingException($"JPEG-LS: Bits Allocated {geometry.BitsAllocated} is not supported (8 or 16).");
        }

        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new ImagingException("JPEG-LS: the frame does not start with an SOI marker.");
        }

        // CharLS 2.4 spends seconds on a stream that ends without a marker, so a frame must end with EOI (after at
        // most a few padding bytes, 0x00 or 0xFF as in NEMA's RG3_JLSL): truncated data is rejected here.
        var end = data.Length;
        while (end > 2 && data.Length - end < 4 && (data[end - 1] == 0x00 || (data[end - 1] == 0xFF && data[end - 2] != 0xFF)))
        {
            end--;
        }

        if (end < 4 || data[end - 2] != 0xFF || data[end - 1] != 0xD9)
        {
            throw new ImagingException("JPEG-LS: the frame does not end with an EOI marker; the data is truncated.");
        }

        var position = 2;
        while (position + 4 <= data.Length && data[position] == 0xFF)
        {
            var marker = data[position + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                throw new ImagingException(
                    $"JPEG-LS: segment FF{marker:X2} of {length} bytes passes the end of the frame ({data.Length}).");
            }

            if (marker == 0xF7)
            {
                var sof = data.Slice(position + 4, length - 2);
                if (sof.Length < 6 || sof.Length < 6 + (3 * sof[5]))
                {
                    throw new ImagingException("JPEG-LS: the SOF55 frame header is too short.");
                }

                int precision = sof[0];
                int rows = BinaryPrimitives.ReadUInt16BigEndian(sof[1..]);
                int columns = BinaryPrimitives.ReadUInt16BigEndian(sof[3..]);
                if (rows != geometry.Rows || columns != geometry.Columns || sof[5] != geometry.SamplesPerPixel)
                {
                    throw new ImagingException(
                        $"JPEG-LS: the frame header says {rows} × {columns} × {sof[5]} components; "
                        + $"the data set says {geometry.Rows} × {geometry.Columns} × {geometry.SamplesPerPixel}.");
                }

                if (precision < 2 || precision > 16 || precision > geometry.BitsAllocated)
                {
                    throw new ImagingException($"JPEG-LS: precision {precision} is outside 2–{geometry.BitsAllocated} bits.");
                }

                return precision;
            }

            if (marker is 0xDA or 0xD9 || (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xCC)))
            {
                throw new ImagingException($"JPEG-LS: marker FF{marker:X2} before the SOF55 frame header.");
            }

            position += 2 + length;
        }

        throw new ImagingException("JPEG-LS: no SOF55 frame header.");
    }

    private static void Check(int error, string call)
    {
        if (error != 0)
        {
            var message = Marshal.PtrToStringAnsi(CharLsNative.GetErrorMessage(error)) ?? "unknown error";
            throw new ImagingException($"JPEG-LS: CharLS {call} failed ({error}: {message}).");
        }
    }

    private static byte[] Interleave(byte[] planar, int components, int bytesPerSample)
    {
        var planeBytes = planar.Length / components;
        var samplesPerPlane = planeBytes / bytesPerSample;
        var result = new byte[planar.Length];
        for (var c = 0; c < components; c++)
        {
            for (var i = 0; i < samplesPerPlane; i++)
            {
                planar.AsSpan((c * planeBytes) + (i * bytesPerSample), bytesPerSample)
                    .CopyTo(result.AsSpan(((i * components) + c) * bytesPerSample));
            }
        }

        return result;
    }

    private static byte[] Widen(byte[] bytes)
    {
        var result = new byte[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            result[i * 2] = bytes[i];
        }

        return result;
    }
}
