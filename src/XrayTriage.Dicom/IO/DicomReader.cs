using System.IO.Compression;

namespace XrayTriage.Dicom.IO;

/// <summary>Reads Part 10 files and bare data sets.</summary>
/// <remarks>PS3.10 §7 (file format), PS3.5 §10 and Annex A (transfer syntaxes).</remarks>
public static class DicomReader
{
    private static readonly byte[] Magic = "DICM"u8.ToArray();

    /// <summary>Reads a file; large values stay in the file and are read on demand.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Limits and behaviour; <see cref="DicomReaderOptions.Default"/> when null.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomParseException">The file is not readable DICOM.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DicomFile ReadFile(string path, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return ReadFile(new DicomSource(stream, Path.GetFullPath(path)), options ?? DicomReaderOptions.Default);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Reads a Part 10 file or a bare data set from a stream (values are held in memory, except for a
    /// FileStream, whose large values are read on demand).</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomParseException">The input is not readable DICOM.</exception>
    public static DicomFile ReadFile(Stream stream, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var path = stream is FileStream { CanSeek: true } fileStream ? fileStream.Name : null;
            return ReadFile(new DicomSource(stream, path, stream.CanSeek ? stream.Position : 0), options ?? DicomReaderOptions.Default);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Reads a Part 10 file or a bare data set from bytes.</summary>
    /// <param name="bytes">The input.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The file.</returns>
    public static DicomFile ReadFile(ReadOnlyMemory<byte> bytes, DicomReaderOptions? options = null)
    {
        using var stream = AsStream(bytes);
        return ReadFile(stream, options);
    }

    /// <summary>Reads a bare data set encoded in a known transfer syntax (e.g. a DIMSE command or data set from the network).</summary>
    /// <param name="stream">The input; read to its end.</param>
    /// <param name="transferSyntax">The encoding.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The data set.</returns>
    /// <exception cref="DicomParseException">The input is not a readable data set.</exception>
    public static DicomDataset ReadDataset(Stream stream, TransferSyntax transferSyntax, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        options ??= DicomReaderOptions.Default;
        try
        {
            var source = new DicomSource(stream, null, stream.CanSeek ? stream.Position : 0);
            if (transferSyntax.IsDeflated)
            {
                source = new DicomSource(new DeflateStream(source.Remainder(), CompressionMode.Decompress), null);
            }

            var dataset = new DicomDataset { FallbackCharacterSet = options.FallbackCharacterSet };
            new DicomParser(source, options, transferSyntax.IsExplicitVR, transferSyntax.IsBigEndian).ReadDataset(dataset, -1, 0);
            return dataset;
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Reads a bare data set encoded in a known transfer syntax from bytes.</summary>
    /// <param name="bytes">The input.</param>
    /// <param name="transferSyntax">The encoding.</param>
    /// <param name="options">Limits and behaviour.</param>
    /// <returns>The data set.</returns>
    public static DicomDataset ReadDataset(ReadOnlyMemory<byte> bytes, TransferSyntax transferSyntax, DicomReaderOptions? options = null)
    {
        using var stream = AsStream(bytes);
        return ReadDataset(stream, transferSyntax, options);
    }

    private static DicomFile ReadFile(DicomSource source, DicomReaderOptions options)
    {
        var head = source.PeekUpTo(136).ToArray();
        byte[]? preamble = null;
        var hasMeta = false;
        if (head.Length >= 136 && head.AsSpan(128, 4).SequenceEqual(Magic) && head[132] == 0x02 && head[133] == 0x00)
        {
            preamble = head[..128];
            source.Skip(132);
            hasMeta = true;
        }
        else if (head.Length >= 8 && head.AsSpan(0, 4).SequenceEqual(Magic) && head[4] == 0x02 && head[5] == 0x00)
        {
            source.Skip(4);
            hasMeta = true;
        }

        var meta = new DicomDataset();
        var strayMeta = new DicomDataset();
        if (hasMeta)
        {
            // The meta header ends where its group length says (PS3.10 §7.1). When that falls exactly on an element
            // boundary after the Transfer Syntax UID and more group 0002 elements follow, they are a second meta
            // group inside the data set (a stale header left by a converter): they must not override the real one.
            // They are still read as group 0002 is encoded (explicit VR little endian) and kept in the data set, as
            // DCMTK shows them. A group length that ends inside an element is wrong and ignored, as before.
            var metaEnd = MetaEnd(source);
            var metaParser = new DicomParser(source, options, explicitVR: true, bigEndian: false);
            metaParser.ReadDataset(
                meta,
                -1,
                0,
                tag => tag.Group != 0x0002 || (source.Position == metaEnd && meta.Contains(DicomTags.TransferSyntaxUID)));
            metaParser.ReadDataset(strayMeta, -1, 0, tag => tag.Group != 0x0002);
        }

        TransferSyntax syntax;
        if (meta.TryGetString(DicomTags.TransferSyntaxUID, out var uid) && uid.Length > 0)
        {
            syntax = TransferSyntax.Lookup(uid);
        }
        else
        {
            syntax = Detect(source.PeekUpTo(8));
        }

        var dataSource = source;
        if (syntax.IsDeflated)
        {
            dataSource = new DicomSource(new DeflateStream(source.Remainder(), CompressionMode.Decompress), null);
        }

        var explicitVR = syntax.IsExplicitVR;
        var first = dataSource.PeekUpTo(6);
        if (first.Length == 6 && explicitVR != LooksExplicit(first))
        {
            // The data set disagrees with the declared transfer syntax (a real-world defect): trust the bytes.
            explicitVR = !explicitVR;
        }

        var dataset = new DicomDataset { FallbackCharacterSet = options.FallbackCharacterSet };
        var parser = new DicomParser(dataSource, options, explicitVR, syntax.IsBigEndian);
        parser.ReadDataset(dataset, -1, 0);
        foreach (var item in strayMeta)
        {
            dataset.AddOrUpdate(item);
        }

        return new DicomFile(meta, dataset, syntax, preamble) { Warnings = parser.Warnings };
    }

    /// <summary>Guesses the encoding of a bare data set from its first element (like DCMTK and pydicom).</summary>
    /// <summary>Where File Meta Information Group Length (0002,0000), when it comes first, says the meta ends; or -1.</summary>
    private static long MetaEnd(DicomSource source)
    {
        var header = source.PeekUpTo(12);
        return header.Length == 12 && header[..8].SequenceEqual("\u0002\0\0\0UL\u0004\0"u8)
            ? source.Position + 12 + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header[8..])
            : -1;
    }

    internal static TransferSyntax Detect(ReadOnlySpan<byte> first)
    {
        if (first.Length < 6)
        {
            return TransferSyntax.ImplicitVRLittleEndian;
        }

        var bigEndian = first[0] == 0 && first[1] != 0;
        if (LooksExplicit(first))
        {
            return bigEndian ? TransferSyntax.ExplicitVRBigEndian : TransferSyntax.ExplicitVRLittleEndian;
        }

        return TransferSyntax.ImplicitVRLittleEndian;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes)
        => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static bool LooksExplicit(ReadOnlySpan<byte> first) => DicomVR.TryParse(first[4], first[5], out _);

    private static bool IsParseFailure(Exception ex)
        => ex is DicomParseException or IOException or InvalidDataException or OverflowException or ArgumentException
            or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException;

    private static DicomParseException Wrap(Exception ex)
        => ex as DicomParseException ?? new DicomParseException(null, -1, ex.Message, ex);
}
