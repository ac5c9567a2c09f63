using System.Globalization;
using System.Text;
using System.Text.Json;

namespace XrayTriage.Dicom;

/// <summary>Writes the DICOM JSON Model.</summary>
/// <remarks>PS3.18 §F.2: attributes keyed by 8 hex digits, "vr", "Value" (strings, numbers, PN objects, items),
/// "InlineBinary" (base64).</remarks>
public sealed class DicomJsonWriter
{
    /// <summary>Binary values longer than this are omitted (no InlineBinary); -1 writes everything.</summary>
    public long MaxInlineBinaryLength { get; init; } = -1;

    /// <summary>Formats a data set as JSON.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="indented">Indent the output.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(DicomDataset dataset, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(dataset, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a data set as UTF-8 JSON to a stream.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="indented">Indent the output.</param>
    public void Write(DicomDataset dataset, Stream stream, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = false });
        Write(dataset, writer);
    }

    /// <summary>Writes a data set as a JSON object.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="writer">The JSON writer.</param>
    public void Write(DicomDataset dataset, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var item in dataset)
        {
            writer.WritePropertyName(item.Tag.Value.ToString("X8", CultureInfo.InvariantCulture));
            writer.WriteStartObject();
            writer.WriteString("vr", item.VR.Code);
            switch (item)
            {
                case DicomSequence sequence:
                    if (sequence.Items.Count > 0)
                    {
                        writer.WriteStartArray("Value");
                        foreach (var child in sequence.Items)
                        {
                            Write(child, writer);
                        }

                        writer.WriteEndArray();
                    }

                    break;
                case DicomFragmentSequence fragments:
                    WriteBinary(writer, EncapsulatedBytes(fragments));
                    break;
                case DicomElement element:
                    WriteElement(dataset, element, writer);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteElement(DicomDataset dataset, DicomElement element, Utf8JsonWriter writer)
    {
        if (element.IsEmpty)
        {
            return;
        }

        var vr = element.VR;
        if (vr.Kind == DicomVRKind.Bulk)
        {
            if (MaxInlineBinaryLength < 0 || element.Length <= MaxInlineBinaryLength)
            {
                WriteBinary(writer, element.Buffer.GetMemory());
            }

            return;
        }

        var values = DicomValueCodec.DecodeStrings(element, dataset.CharacterSet);
        writer.WriteStartArray("Value");
        foreach (var value in values)
        {
            if (vr == DicomVR.PN)
            {
                WritePersonName(writer, value);
            }
            else if (vr == DicomVR.AT)
            {
                writer.WriteStringValue(value.Trim('(', ')').Replace(",", string.Empty, StringComparison.Ordinal));
            }
            else if (vr.Kind == DicomVRKind.Binary || vr == DicomVR.DS || vr == DicomVR.IS)
            {
                WriteNumber(writer, value);
            }
            else if (value.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string value)
    {
        if (value.Length == 0)
        {
            writer.WriteNullValue();
        }
        else if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static void WritePersonName(Utf8JsonWriter writer, string value)
    {
        if (value.Length == 0)
        {
            writer.WriteNullValue();
            return;
        }

        var groups = value.Split('=');
        string[] names = ["Alphabetic", "Ideographic", "Phonetic"];
        writer.WriteStartObject();
        for (var i = 0; i < Math.Min(3, groups.Length); i++)
        {
            if (groups[i].Length > 0)
            {
                writer.WriteString(names[i], groups[i]);
            }
        }

        writer.WriteEndObject();
    }

    private void WriteBinary(Utf8JsonWriter writer, ReadOnlyMemory<byte> bytes)
    {
        if (MaxInlineBinaryLength >= 0 && bytes.Length > MaxInlineBinaryLength)
        {
            return;
        }

        writer.WriteBase64String("InlineBinary", bytes.Span);
    }

    /// <summary>The encapsulated pixel data as items (offset table, fragments) without the sequence delimiter,
    /// as pydicom exposes it.</summary>
    internal static byte[] EncapsulatedBytes(DicomFragmentSequence fragments)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        foreach (var buffer in fragments.Fragments.Prepend(fragments.OffsetTable))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, DicomTag.Item.Value >> 16 | (DicomTag.Item.Value << 16));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)buffer.Length);
            stream.Write(header);
            buffer.CopyTo(stream);
        }

        return stream.ToArray();
    }
}
