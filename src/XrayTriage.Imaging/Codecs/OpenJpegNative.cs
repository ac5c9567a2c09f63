using System.Runtime.InteropServices;

namespace XrayTriage.Imaging.Codecs;

/// <summary>The OpenJPEG 2.x C API (openjpeg.h) used by <see cref="Jpeg2000FrameDecoder"/>. OPJ_BOOL is an int.</summary>
internal static class OpenJpegNative
{
    public const int CodecJ2k = 0;
    public const int CodecJp2 = 2;

    /// <summary>opj_dparameters_t is about 8.3 KB (two OPJ_PATH_LEN buffers); it is allocated with room to spare
    /// and filled by opj_set_default_decoder_parameters.</summary>
    public const int DecoderParametersSize = 16 * 1024;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate nuint ReadFunction(IntPtr buffer, nuint count, IntPtr userData);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate long SkipFunction(long count, IntPtr userData);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate int SeekFunction(long position, IntPtr userData);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate void MessageFunction(IntPtr message, IntPtr clientData);

    /// <summary>opj_image_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Image
    {
        public uint X0;
        public uint Y0;
        public uint X1;
        public uint Y1;
        public uint ComponentCount;
        public int ColorSpace;
        public IntPtr Components;
        public IntPtr IccProfile;
        public uint IccProfileLength;
    }

    /// <summary>opj_image_comp_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ImageComponent
    {
        public uint Dx;
        public uint Dy;
        public uint Width;
        public uint Height;
        public uint X0;
        public uint Y0;
        public uint Precision;
        public uint BitsPerPixel;
        public uint Signed;
        public uint ResolutionsDecoded;
        public uint Factor;
        public IntPtr Data;
        public ushort Alpha;
    }

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_create")]
    internal static extern IntPtr StreamCreate(nuint bufferSize, int isInput);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_set_read_function")]
    internal static extern void StreamSetReadFunction(IntPtr stream, ReadFunction function);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_set_skip_function")]
    internal static extern void StreamSetSkipFunction(IntPtr stream, SkipFunction function);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_set_seek_function")]
    internal static extern void StreamSetSeekFunction(IntPtr stream, SeekFunction function);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_set_user_data_length")]
    internal static extern void StreamSetUserDataLength(IntPtr stream, ulong length);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_stream_destroy")]
    internal static extern void StreamDestroy(IntPtr stream);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_create_decompress")]
    internal static extern IntPtr CreateDecompress(int format);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_destroy_codec")]
    internal static extern void DestroyCodec(IntPtr codec);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_set_default_decoder_parameters")]
    internal static extern void SetDefaultDecoderParameters(IntPtr parameters);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_setup_decoder")]
    internal static extern int SetupDecoder(IntPtr codec, IntPtr parameters);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_decoder_set_strict_mode")]
    internal static extern int SetStrictMode(IntPtr codec, int strict);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_set_error_handler")]
    internal static extern int SetErrorHandler(IntPtr codec, MessageFunction handler, IntPtr clientData);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_read_header")]
    internal static extern int ReadHeader(IntPtr stream, IntPtr codec, out IntPtr image);

    /// <summary>Discards the <paramref name="factor"/> highest resolution levels (after read_header); false when a
    /// tile-component has fewer decomposition levels.</summary>
    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_set_decoded_resolution_factor")]
    internal static extern int SetDecodedResolutionFactor(IntPtr codec, uint factor);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_decode")]
    internal static extern int Decode(IntPtr codec, IntPtr stream, IntPtr image);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_end_decompress")]
    internal static extern int EndDecompress(IntPtr codec, IntPtr stream);

    [DllImport(NativeCodecLibraries.OpenJpeg, EntryPoint = "opj_image_destroy")]
    internal static extern void ImageDestroy(IntPtr image);
}
