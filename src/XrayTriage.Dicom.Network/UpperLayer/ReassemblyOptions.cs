namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Bounds for reassembling DIMSE messages from PDVs.</summary>
/// <remarks>PS3.8 Annex E; data sets past <see cref="MemoryThreshold"/> go to a temporary file.</remarks>
public sealed class ReassemblyOptions
{
    /// <summary>Gets the data set size kept in memory before spilling to a temporary file (default 1 MiB).</summary>
    public int MemoryThreshold { get; init; } = 1024 * 1024;

    /// <summary>Gets the largest command set accepted (default 64 KiB; real command sets are a few hundred bytes).</summary>
    public int MaxCommandLength { get; init; } = 64 * 1024;

    /// <summary>Gets the largest data set accepted (default 4 GiB).</summary>
    public long MaxDataSetLength { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Gets the directory for temporary files; the system temporary directory when <see langword="null"/>.</summary>
    public string? TemporaryDirectory { get; init; }
}
