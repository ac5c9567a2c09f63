namespace XrayTriage.Dicom;

/// <summary>The registered transfer syntaxes.</summary>
public sealed partial class TransferSyntax
{
    /// <summary>Implicit VR Little Endian, the DICOM default (1.2.840.10008.1.2).</summary>
    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", false, false, false, false);

    /// <summary>Explicit VR Little Endian (1.2.840.10008.1.2.1).</summary>
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", true, false, false, false);

    /// <summary>Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98).</summary>
    public static readonly TransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian =
        new("1.2.840.10008.1.2.1.98", true, false, false, true);

    /// <summary>Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99).</summary>
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", true, false, true, false);

    /// <summary>Explicit VR Big Endian, retired (1.2.840.10008.1.2.2).</summary>
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", true, true, false, false);

    /// <summary>JPEG Baseline (Process 1) (.4.50).</summary>
    public static readonly TransferSyntax JpegBaseline8Bit = new("1.2.840.10008.1.2.4.50", true, false, false, true, true);

    /// <summary>JPEG Extended (Process 2 and 4) (.4.51).</summary>
    public static readonly TransferSyntax JpegExtended12Bit = new("1.2.840.10008.1.2.4.51", true, false, false, true, true);

    /// <summary>JPEG Lossless, Non-Hierarchical (Process 14) (.4.57).</summary>
    public static readonly TransferSyntax JpegLossless = new("1.2.840.10008.1.2.4.57", true, false, false, true);

    /// <summary>JPEG Lossless, First-Order Prediction (Process 14, SV1) (.4.70).</summary>
    public static readonly TransferSyntax JpegLosslessSV1 = new("1.2.840.10008.1.2.4.70", true, false, false, true);

    /// <summary>JPEG-LS Lossless (.4.80).</summary>
    public static readonly TransferSyntax JpegLSLossless = new("1.2.840.10008.1.2.4.80", true, false, false, true);

    /// <summary>JPEG-LS Lossy (Near-Lossless) (.4.81).</summary>
    public static readonly TransferSyntax JpegLSNearLossless = new("1.2.840.10008.1.2.4.81", true, false, false, true, true);

    /// <summary>JPEG 2000 Lossless Only (.4.90).</summary>
    public static readonly TransferSyntax Jpeg2000Lossless = new("1.2.840.10008.1.2.4.90", true, false, false, true);

    /// <summary>JPEG 2000 (.4.91).</summary>
    public static readonly TransferSyntax Jpeg2000 = new("1.2.840.10008.1.2.4.91", true, false, false, true, true);

    /// <summary>JPEG 2000 Part 2 Multi-component Lossless Only (.4.92).</summary>
    public static readonly TransferSyntax Jpeg2000MCLossless = new("1.2.840.10008.1.2.4.92", true, false, false, true);

    /// <summary>JPEG 2000 Part 2 Multi-component (.4.93).</summary>
    public static readonly TransferSyntax Jpeg2000MC = new("1.2.840.10008.1.2.4.93", true, false, false, true, true);

    /// <summary>JPIP Referenced (.4.94).</summary>
    public static readonly TransferSyntax JpipReferenced = new("1.2.840.10008.1.2.4.94", true, false, false, false);

    /// <summary>JPIP Referenced Deflate (.4.95).</summary>
    public static readonly TransferSyntax JpipReferencedDeflate = new("1.2.840.10008.1.2.4.95", true, false, true, false);

    /// <summary>MPEG2 Main Profile / Main Level (.4.100).</summary>
    public static readonly TransferSyntax Mpeg2MPML = new("1.2.840.10008.1.2.4.100", true, false, false, true, true);

    /// <summary>MPEG2 Main Profile / Main Level, fragmentable (.4.100.1).</summary>
    public static readonly TransferSyntax Mpeg2MPMLF = new("1.2.840.10008.1.2.4.100.1", true, false, false, true, true);

    /// <summary>MPEG2 Main Profile / High Level (.4.101).</summary>
    public static readonly TransferSyntax Mpeg2MPHL = new("1.2.840.10008.1.2.4.101", true, false, false, true, true);

    /// <summary>MPEG2 Main Profile / High Level, fragmentable (.4.101.1).</summary>
    public static readonly TransferSyntax Mpeg2MPHLF = new("1.2.840.10008.1.2.4.101.1", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.1 (.4.102).</summary>
    public static readonly TransferSyntax Mpeg4HP41 = new("1.2.840.10008.1.2.4.102", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.1, fragmentable (.4.102.1).</summary>
    public static readonly TransferSyntax Mpeg4HP41F = new("1.2.840.10008.1.2.4.102.1", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1 (.4.103).</summary>
    public static readonly TransferSyntax Mpeg4HP41BD = new("1.2.840.10008.1.2.4.103", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1, fragmentable (.4.103.1).</summary>
    public static readonly TransferSyntax Mpeg4HP41BDF = new("1.2.840.10008.1.2.4.103.1", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video (.4.104).</summary>
    public static readonly TransferSyntax Mpeg4HP422D = new("1.2.840.10008.1.2.4.104", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video, fragmentable (.4.104.1).</summary>
    public static readonly TransferSyntax Mpeg4HP422DF = new("1.2.840.10008.1.2.4.104.1", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video (.4.105).</summary>
    public static readonly TransferSyntax Mpeg4HP423D = new("1.2.840.10008.1.2.4.105", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video, fragmentable (.4.105.1).</summary>
    public static readonly TransferSyntax Mpeg4HP423DF = new("1.2.840.10008.1.2.4.105.1", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2 (.4.106).</summary>
    public static readonly TransferSyntax Mpeg4HP42Stereo = new("1.2.840.10008.1.2.4.106", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2, fragmentable (.4.106.1).</summary>
    public static readonly TransferSyntax Mpeg4HP42StereoF = new("1.2.840.10008.1.2.4.106.1", true, false, false, true, true);

    /// <summary>HEVC/H.265 Main Profile / Level 5.1 (.4.107).</summary>
    public static readonly TransferSyntax HevcMP51 = new("1.2.840.10008.1.2.4.107", true, false, false, true, true);

    /// <summary>HEVC/H.265 Main 10 Profile / Level 5.1 (.4.108).</summary>
    public static readonly TransferSyntax HevcM10P51 = new("1.2.840.10008.1.2.4.108", true, false, false, true, true);

    /// <summary>JPEG XL Lossless (.4.110).</summary>
    public static readonly TransferSyntax JpegXLLossless =
        new("1.2.840.10008.1.2.4.110", true, false, false, true, false, name: "JPEG XL Lossless");

    /// <summary>JPEG XL JPEG Recompression (.4.111).</summary>
    public static readonly TransferSyntax JpegXLJpegRecompression =
        new("1.2.840.10008.1.2.4.111", true, false, false, true, false, name: "JPEG XL JPEG Recompression");

    /// <summary>JPEG XL (.4.112).</summary>
    public static readonly TransferSyntax JpegXL = new("1.2.840.10008.1.2.4.112", true, false, false, true, true, name: "JPEG XL");

    /// <summary>High-Throughput JPEG 2000 Lossless Only (.4.201).</summary>
    public static readonly TransferSyntax HTJ2KLossless = new(
        "1.2.840.10008.1.2.4.201", true, false, false, true, false,
        name: "High-Throughput JPEG 2000 Image Compression (Lossless Only)");

    /// <summary>High-Throughput JPEG 2000 with RPCL Options, Lossless Only (.4.202).</summary>
    public static readonly TransferSyntax HTJ2KLosslessRPCL = new(
        "1.2.840.10008.1.2.4.202", true, false, false, true, false,
        name: "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)");

    /// <summary>High-Throughput JPEG 2000 (.4.203).</summary>
    public static readonly TransferSyntax HTJ2K = new(
        "1.2.840.10008.1.2.4.203", true, false, false, true, true,
        name: "High-Throughput JPEG 2000 Image Compression");

    /// <summary>RLE Lossless (1.2.840.10008.1.2.5).</summary>
    public static readonly TransferSyntax RleLossless = new("1.2.840.10008.1.2.5", true, false, false, true);

    /// <summary>Deflated Image Frame Compression (1.2.840.10008.1.2.8.1); the data set itself is not deflated.</summary>
    public static readonly TransferSyntax DeflatedImageFrameCompression =
        new("1.2.840.10008.1.2.8.1", true, false, false, true, false, name: "Deflated Image Frame Compression");

    /// <summary>Every registered transfer syntax.</summary>
    public static readonly IReadOnlyList<TransferSyntax> All =
    [
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian,
        ExplicitVRBigEndian, JpegBaseline8Bit, JpegExtended12Bit, JpegLossless, JpegLosslessSV1, JpegLSLossless, JpegLSNearLossless,
        Jpeg2000Lossless, Jpeg2000, Jpeg2000MCLossless, Jpeg2000MC, JpipReferenced, JpipReferencedDeflate, Mpeg2MPML, Mpeg2MPMLF,
        Mpeg2MPHL, Mpeg2MPHLF, Mpeg4HP41, Mpeg4HP41F, Mpeg4HP41BD, Mpeg4HP41BDF, Mpeg4HP422D, Mpeg4HP422DF, Mpeg4HP423D, Mpeg4HP423DF,
        Mpeg4HP42Stereo, Mpeg4HP42StereoF, HevcMP51, HevcM10P51, JpegXLLossless, JpegXLJpegRecompression, JpegXL, HTJ2KLossless,
        HTJ2KLosslessRPCL, HTJ2K, RleLossless, DeflatedImageFrameCompression,
    ];
}
