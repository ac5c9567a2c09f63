using System.Runtime.InteropServices;

namespace XrayTriage.Imaging.Codecs;

/// <summary>The CharLS 2.x C API (charls/charls_jpegls_decoder.h) used by <see cref="JpegLsFrameDecoder"/>. Every
/// function returns a charls_jpegls_errc; 0 is success.</summary>
internal static class CharLsNative
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct FrameInfo
    {
        public uint Width;
        public uint Height;
        public int BitsPerSample;
        public int ComponentCount;
    }

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_create")]
    internal static extern IntPtr Create();

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_destroy")]
    internal static extern void Destroy(IntPtr decoder);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_set_source_buffer")]
    internal static extern int SetSourceBuffer(IntPtr decoder, IntPtr source, nuint sourceSize);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_read_header")]
    internal static extern int ReadHeader(IntPtr decoder);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_get_frame_info")]
    internal static extern int GetFrameInfo(IntPtr decoder, out FrameInfo frameInfo);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_get_near_lossless")]
    internal static extern int GetNearLossless(IntPtr decoder, int component, out int nearLossless);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_get_interleave_mode")]
    internal static extern int GetInterleaveMode(IntPtr decoder, out int interleaveMode);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_get_destination_size")]
    internal static extern int GetDestinationSize(IntPtr decoder, uint stride, out nuint destinationSize);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_jpegls_decoder_decode_to_buffer")]
    internal static extern int DecodeToBuffer(IntPtr decoder, byte[] destination, nuint destinationSize, uint stride);

    [DllImport(NativeCodecLibraries.CharLs, EntryPoint = "charls_get_error_message")]
    internal static extern IntPtr GetErrorMessage(int error);
}
