using System.Globalization;
using System.Security.Cryptography;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>The same canonical element listing as Oracles/pydicom_dump.py, produced by our reader.</summary>
internal static class CanonicalDump
{
    public static List<string> Lines(DicomFile file)
    {
        var lines = new List<string>();
        Walk(file.FileMetaInformation, string.Empty, lines);
        Walk(file.Dataset, string.Empty, lines);
        return lines;
    }

    public static List<string> Lines(DicomDataset dataset)
    {
        var lines = new List<string>();
        Walk(dataset, string.Empty, lines);
        return lines;
    }

    private static void Walk(DicomDataset dataset, string path, List<string> lines)
    {
        foreach (var item in dataset)
        {
            var tag = item.Tag.Value.ToString("X8", CultureInfo.InvariantCulture);
            switch (item)
            {
                case DicomSequence sequence:
                    lines.Add($"{path}|{tag}|SQ|items={sequence.Items.Count}");
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Walk(sequence.Items[i], $"{path}{tag}[{i}]/", lines);
                    }

                    break;
                case DicomFragmentSequence fragments:
                    lines.Add($"{path}|{tag}|{item.VR}|{Bulk(DicomJsonWriter.EncapsulatedBytes(fragments))}");
                    break;
                case DicomElement element:
                    lines.Add($"{path}|{tag}|{item.VR}|{Value(dataset, element)}");
                    break;
            }
        }
    }

    private static string Value(DicomDataset dataset, DicomElement element)
    {
        var vr = element.VR;
        if (vr.Kind == DicomVRKind.Bulk)
        {
            return Bulk(element.Buffer.GetMemory().ToArray());
        }

        if (vr == DicomVR.PN)
        {
            // pydicom's PersonName drops empty trailing component groups ("A=B=" prints as "A=B").
            return string.Join('\\', dataset.GetStrings(element.Tag).Select(v => v.TrimEnd('='))).TrimEnd(' ', '\0');
        }

        if (vr.IsString)
        {
            return dataset.GetString(element.Tag).TrimEnd(' ', '\0');
        }

        var values = dataset.GetStrings(element.Tag);
        if (vr == DicomVR.FL || vr == DicomVR.FD)
        {
            values = [.. values.Select(v => PythonRepr(double.Parse(v, CultureInfo.InvariantCulture)))];
        }

        return string.Join('\\', values);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security", "CA5351", Justification = "A checksum to compare with pydicom's listing, not security.")]
    private static string Bulk(byte[] bytes)
        => $"len={bytes.Length} md5={Convert.ToHexStringLower(MD5.HashData(bytes))}";

    private static string PythonRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }
}
