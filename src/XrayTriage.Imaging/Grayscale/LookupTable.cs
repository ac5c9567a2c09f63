using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>A Modality or VOI LUT from a sequence item: LUT Descriptor (entries, first mapped value, bits per
/// entry) and LUT Data (PS3.3 C.11.1.1, C.11.2.1.1). Inputs below the first value map to the first entry,
/// above the last to the last entry.</summary>
public sealed class LookupTable
{
    private readonly ushort[] _data;

    private LookupTable(int firstMapped, int bitsPerEntry, ushort[] data)
    {
        FirstMapped = firstMapped;
        BitsPerEntry = bitsPerEntry;
        _data = data;
    }

    public int FirstMapped { get; }

    public int BitsPerEntry { get; }

    public int Count => _data.Length;

    public double MaxOutput => (1 << BitsPerEntry) - 1;

    public double this[double input]
    {
        get
        {
            var index = (long)Math.Round(input) - FirstMapped;
            return _data[(int)Math.Clamp(index, 0, _data.Length - 1)];
        }
    }

    /// <param name="item">The sequence item.</param>
    /// <param name="signedInput">Pixel Representation is signed, so the first mapped value is read as signed.</param>
    public static LookupTable FromItem(DicomDataset item, bool signedInput)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.Contains(DicomTags.LUTDescriptor) || !item.Contains(DicomTags.LUTData))
        {
            throw new ImagingException("A LUT sequence item lacks LUT Descriptor (0028,3002) or LUT Data (0028,3006).");
        }

        var entries = (int)item.GetInt64(DicomTags.LUTDescriptor, 0);
        entries = entries == 0 ? 65536 : entries;
        var first = (int)item.GetInt64(DicomTags.LUTDescriptor, 1);
        if (signedInput && first > short.MaxValue)
        {
            first -= 65536;
        }

        var bits = (int)item.GetInt64(DicomTags.LUTDescriptor, 2);
        if (bits is < 1 or > 16)
        {
            throw new ImagingException($"LUT Descriptor gives {bits} bits per entry; 1–16 are valid.");
        }

        var bytes = item.GetElement(DicomTags.LUTData).Buffer.GetMemory().Span;
        var data = new ushort[entries];
        if (bits <= 8 && bytes.Length == entries)
        {
            for (var i = 0; i < entries; i++)
            {
                data[i] = bytes[i];
            }
        }
        else
        {
            if (bytes.Length < entries * 2)
            {
                throw new ImagingException($"LUT Data holds {bytes.Length} bytes for {entries} entries.");
            }

            for (var i = 0; i < entries; i++)
            {
                data[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
            }
        }

        return new LookupTable(first, bits, data);
    }
}
