using System.Globalization;
using System.Text;

namespace XrayTriage.Dicom;

/// <summary>Formats a data set as a dcmdump-like tree: tag, VR, value, length, VM and keyword; sequences indented.</summary>
public sealed class DicomDumpFormatter
{
    /// <summary>Values longer than this many characters are cut and end in "...".</summary>
    public int MaxValueLength { get; init; } = 64;

    /// <summary>Writes a file: meta information, then the data set.</summary>
    /// <param name="file">The file.</param>
    /// <param name="writer">The destination.</param>
    public void Write(DicomFile file, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(writer);
        if (file.HasFileMetaInformation)
        {
            writer.WriteLine("# Dicom-Meta-Information-Header");
            Write(file.FileMetaInformation, writer);
            writer.WriteLine();
        }

        writer.WriteLine("# Dicom-Data-Set");
        writer.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        Write(file.Dataset, writer);
    }

    /// <summary>Writes a data set.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="writer">The destination.</param>
    public void Write(DicomDataset dataset, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        Write(dataset, writer, 0);
    }

    /// <summary>Formats a data set to a string.</summary>
    /// <param name="dataset">The data set.</param>
    /// <returns>The dump.</returns>
    public string Format(DicomDataset dataset)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(dataset, writer);
        return writer.ToString();
    }

    private void Write(DicomDataset dataset, TextWriter writer, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var item in dataset)
        {
            var keyword = KeywordOf(dataset, item.Tag);
            switch (item)
            {
                case DicomSequence sequence:
                    Line(writer, indent, $"{item.Tag} SQ (Sequence #={sequence.Items.Count})", "u/l", "1", keyword);
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Line(writer, indent + "  ", $"(FFFE,E000) na (Item #={sequence.Items[i].Count})", "u/l", "1", "Item");
                        Write(sequence.Items[i], writer, depth + 2);
                        Line(writer, indent + "  ", "(FFFE,E00D) na (ItemDelimitationItem)", "0", "0", "ItemDelimitationItem");
                    }

                    Line(writer, indent, "(FFFE,E0DD) na (SequenceDelimitationItem)", "0", "0", "SequenceDelimitationItem");
                    break;
                case DicomFragmentSequence fragments:
                    Line(writer, indent, $"{item.Tag} {item.VR} (PixelSequence #={fragments.Fragments.Count + 1})", "u/l", "1", keyword);
                    Line(
                        writer,
                        indent + "  ",
                        $"(FFFE,E000) pi (offset table, {fragments.OffsetTable.Length / 4} entries)",
                        Len(fragments.OffsetTable.Length),
                        "1",
                        "Item");
                    foreach (var fragment in fragments.Fragments)
                    {
                        Line(writer, indent + "  ", "(FFFE,E000) pi (fragment)", Len(fragment.Length), "1", "Item");
                    }

                    Line(writer, indent, "(FFFE,E0DD) na (SequenceDelimitationItem)", "0", "0", "SequenceDelimitationItem");
                    break;
                case DicomElement element:
                    // A standard element stored as UN keeps its VR in the dump; its value is shown as the dictionary VR reads it.
                    var typed = dataset.AsDictionaryVR(element);
                    var (value, vm) = Describe(dataset, typed);
                    var note = typed.VR == element.VR ? "" : $" (stored as UN, read as {typed.VR.Code})";
                    Line(writer, indent, $"{item.Tag} {item.VR.Code} {value}", Len(element.Length), vm, keyword + note);
                    break;
            }
        }
    }

    private static string KeywordOf(DicomDataset dataset, DicomTag tag)
    {
        var keyword = DicomDictionary.KeywordOf(tag);
        if (keyword.Length == 0 && tag.IsPrivate && dataset.GetPrivateCreator(tag) is { Length: > 0 } creator)
        {
            return $"Private [{creator}]";
        }

        return keyword.Length == 0 ? "Unknown" : keyword;
    }

    private (string Value, string VM) Describe(DicomDataset dataset, DicomElement element)
    {
        if (element.IsEmpty)
        {
            return ("(no value available)", "0");
        }

        if (element.VR.Kind == DicomVRKind.Bulk && element.Length > 64)
        {
            return ($"(not loaded, {element.Length} bytes)", "1");
        }

        string[] values;
        try
        {
            values = element.VR.Kind == DicomVRKind.Bulk
                ? [.. element.Buffer.GetMemory().ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture))]
                : DicomValueCodec.DecodeStrings(element, dataset.CharacterSet);
        }
        catch (ArgumentException)
        {
            return ("(undecodable)", "?");
        }

        var text = string.Join('\\', values);
        if (text.Length > MaxValueLength)
        {
            text = string.Concat(text.AsSpan(0, MaxValueLength), "...");
        }

        text = Sanitize(text);
        var vm = element.VR.Kind == DicomVRKind.Bulk ? "1" : values.Length.ToString(CultureInfo.InvariantCulture);
        return (element.VR.IsString ? $"[{text}]" : text, vm);
    }

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '.' : c);
        }

        return builder.ToString();
    }

    private static string Len(long length) => length.ToString(CultureInfo.InvariantCulture);

    private static void Line(TextWriter writer, string indent, string text, string length, string vm, string keyword)
    {
        var head = indent + text;
        writer.WriteLine($"{head.PadRight(56)} # {length,3}, {vm} {keyword}");
    }
}
