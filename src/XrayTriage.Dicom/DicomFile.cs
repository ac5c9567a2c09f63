using XrayTriage.Dicom.IO;

namespace XrayTriage.Dicom;

/// <summary>A DICOM file: 128-byte preamble, "DICM", File Meta Information (group 0002) and the data set.</summary>
/// <remarks>PS3.10 §7.1; meta information elements in PS3.10 §7.1 Table 7.1-1.</remarks>
public sealed class DicomFile
{
    /// <summary>Creates a file around a data set.</summary>
    /// <param name="fileMetaInformation">Group 0002 elements (rebuilt on save).</param>
    /// <param name="dataset">The data set.</param>
    /// <param name="transferSyntax">The encoding of the data set.</param>
    /// <param name="preamble">The 128-byte preamble, or null when the input had none.</param>
    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, TransferSyntax transferSyntax, byte[]? preamble = null)
    {
        ArgumentNullException.ThrowIfNull(fileMetaInformation);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        Preamble = preamble;
    }

    /// <summary>Creates a file for a data set in a transfer syntax, with empty meta information (filled on save).</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="transferSyntax">The encoding; Explicit VR Little Endian when null.</param>
    public DicomFile(DicomDataset dataset, TransferSyntax? transferSyntax = null)
        : this(new DicomDataset(), dataset, transferSyntax ?? TransferSyntax.ExplicitVRLittleEndian)
    {
    }

    /// <summary>The File Meta Information (group 0002), empty for a bare data set.</summary>
    public DicomDataset FileMetaInformation { get; }

    /// <summary>The data set.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax of the data set (from the meta information, or detected for bare data sets).</summary>
    public TransferSyntax TransferSyntax { get; }

    /// <summary>The preamble as read, or null when the input had none.</summary>
    public byte[]? Preamble { get; }

    /// <summary>What the reader read leniently, and how (e.g. an over-long last item read to the end of the input).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the input had File Meta Information.</summary>
    public bool HasFileMetaInformation => FileMetaInformation.Count > 0;

    /// <summary>Reads a file; large values are left in the file and read on demand.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomParseException">The file is not readable DICOM.</exception>
    public static DicomFile Open(string path, DicomReaderOptions? options = null) => DicomReader.ReadFile(path, options);

    /// <summary>Reads a file from a stream.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomParseException">The input is not readable DICOM.</exception>
    public static DicomFile Open(Stream stream, DicomReaderOptions? options = null) => DicomReader.ReadFile(stream, options);

    /// <summary>Writes the file in Part 10 format.</summary>
    /// <param name="path">The destination path.</param>
    /// <param name="options">Writer options (transfer syntax override).</param>
    public void Save(string path, DicomWriterOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Save(stream, options);
    }

    /// <summary>Writes the file in Part 10 format.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Writer options.</param>
    public void Save(Stream stream, DicomWriterOptions? options = null)
        => DicomFileWriter.Write(this, stream, options ?? DicomWriterOptions.Default);
}
