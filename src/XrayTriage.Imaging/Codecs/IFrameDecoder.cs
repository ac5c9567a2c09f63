using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>Decodes one frame of encapsulated pixel data (PS3.5 A.4).</summary>
public interface IFrameDecoder
{
    /// <summary>Transfer Syntax UIDs this decoder reads.</summary>
    IReadOnlyCollection<string> TransferSyntaxUids { get; }

    /// <summary>
    /// Decodes one compressed frame (its fragments concatenated) into native pixel bytes: samples of
    /// <see cref="PixelGeometry.BitsAllocated"/> bits (8 or 16), little endian, right-aligned (the value's high bit
    /// is Bits Stored − 1), colour interleaved. Validates sizes before decoding; corrupt input throws
    /// <see cref="ImagingException"/>, never crashes the process.
    /// </summary>
    byte[] Decode(ReadOnlyMemory<byte> frame, PixelGeometry geometry);
}
