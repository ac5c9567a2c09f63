using XrayTriage.Dicom.Text;

namespace XrayTriage.Dicom;

/// <summary>Limits and behaviour of the reader. Every limit is checked before memory is allocated.</summary>
public sealed record DicomReaderOptions
{
    /// <summary>The defaults: 1 GiB per value, depth 64, 1,000,000 items, 4 GiB in total.</summary>
    public static DicomReaderOptions Default { get; } = new();

    /// <summary>Largest declared value length accepted (bytes).</summary>
    public long MaxElementLength { get; init; } = 1L << 30;

    /// <summary>Deepest nesting of sequences accepted.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most sequence items plus pixel data fragments accepted in one data set (all levels).</summary>
    public int MaxItemCount { get; init; } = 1_000_000;

    /// <summary>Most bytes consumed from the input (after inflation for deflated files).</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>
    /// Read a sequence or item whose declared length runs past the end of the input up to the end of the input, with
    /// a warning in <see cref="DicomFile.Warnings"/>, as DCMTK and pydicom read an over-long last DICOMDIR record.
    /// Off by default, so that a network peer's data set that contradicts itself is refused.
    /// </summary>
    public bool ClampOverlongItems { get; init; }

    /// <summary>Stop before (7FE0,0010) Pixel Data at the top level (header-only read).</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>Values at least this long are left in the file and read on demand (only when reading from a file path).</summary>
    public long LazyThreshold { get; init; } = 64 * 1024;

    /// <summary>The character set used when Specific Character Set is missing or unknown
    /// (default: ISO 8859-1 for bytes above 0x7F).</summary>
    public DicomCharacterSet? FallbackCharacterSet { get; init; }
}
