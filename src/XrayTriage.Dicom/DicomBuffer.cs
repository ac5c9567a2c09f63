namespace XrayTriage.Dicom;

/// <summary>The bytes of a value, either in memory or a lazily read range of a file. Always little endian.</summary>
public abstract class DicomBuffer
{
    /// <summary>An empty buffer.</summary>
    public static readonly DicomBuffer Empty = new DicomMemoryBuffer(ReadOnlyMemory<byte>.Empty);

    /// <summary>Length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>True when the bytes are held in memory.</summary>
    public abstract bool IsInMemory { get; }

    /// <summary>Wraps bytes (not copied).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The buffer.</returns>
    public static DicomBuffer FromBytes(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? Empty : new DicomMemoryBuffer(bytes);

    /// <summary>The bytes in memory; a file-backed buffer reads its range (at most 2 GiB).</summary>
    /// <returns>The bytes.</returns>
    public abstract ReadOnlyMemory<byte> GetMemory();

    /// <summary>Copies the bytes to a stream.</summary>
    /// <param name="destination">Destination stream.</param>
    public abstract void CopyTo(Stream destination);
}
