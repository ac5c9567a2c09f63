using System.IO.Compression;

namespace XrayTriage.Dicom.IO;

/// <summary>Serializes a bare data set (no preamble or meta information) in a transfer syntax.</summary>
/// <remarks>PS3.5 §7; sequences and items are written with undefined length (PS3.5 §7.5.2); values are padded to
/// even length (PS3.5 §7.1.1). Group length elements (gggg,0000) present in the data set are recomputed.</remarks>
public static class DicomDatasetWriter
{
    /// <summary>Writes the data set to a stream.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="transferSyntax">The encoding (Deflated syntaxes are deflated).</param>
    public static void Write(DicomDataset dataset, Stream stream, TransferSyntax transferSyntax)
        => Write(dataset, stream, transferSyntax, null);

    /// <summary>Writes the top-level items of the data set that <paramref name="include"/> accepts.</summary>
    internal static void Write(DicomDataset dataset, Stream stream, TransferSyntax transferSyntax, Func<DicomItem, bool>? include)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (transferSyntax.IsDeflated)
        {
            using var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            new DicomElementWriter(deflate, transferSyntax.IsExplicitVR, transferSyntax.IsBigEndian).WriteDataset(dataset, include);
            return;
        }

        new DicomElementWriter(stream, transferSyntax.IsExplicitVR, transferSyntax.IsBigEndian).WriteDataset(dataset, include);
    }

    /// <summary>Serializes the data set to bytes.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="transferSyntax">The encoding.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ToArray(DicomDataset dataset, TransferSyntax transferSyntax)
    {
        using var stream = new MemoryStream();
        Write(dataset, stream, transferSyntax);
        return stream.ToArray();
    }

    /// <summary>The number of bytes the data set occupies when written undeflated in the given VR encoding.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="transferSyntax">The encoding.</param>
    /// <returns>The length in bytes.</returns>
    public static long GetEncodedLength(DicomDataset dataset, TransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return DicomElementWriter.DatasetLength(dataset, transferSyntax.IsExplicitVR);
    }
}
