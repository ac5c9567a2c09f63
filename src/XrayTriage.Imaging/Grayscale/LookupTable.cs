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

    /// <summary>The table of a LUT sequence item, or null with the reason when the item does not describe a usable
    /// table (a missing or incomplete LUT Descriptor, missing or short LUT Data): such a LUT is ignored, as DCMTK
    /// ignores it, rather than failing the image.</summary>
    /// <param name="item">The sequence item.</param>
    /// <param name="signedInput">Pixel Representation is signed, so the first mapped value is read as signed.</param>
    /// <param name="problem">Why the item was not usable.</param>
    public static LookupTable? TryFromItem(DicomDataset item, bool signedInput, out string problem)
    {
        ArgumentNullException.ThrowIfNull(item);
        problem = "";
        if (!item.TryGetItem(DicomTags.LUTDescriptor, out var descriptor) || descriptor is not DicomElement { IsEmpty: false }
            || !TryDescriptorValue(item, 0, out var entries)
            || !TryDescriptorValue(item, 1, out var first)
            || !TryDescriptorValue(item, 2, out var bits))
        {
            problem = "LUT Descriptor (0028,3002) is missing or has fewer than three values";
            return null;
        }

        entries = entries == 0 ? 65536 : entries;
        if (signedInput && first > short.MaxValue)
        {
            first -= 65536;
        }

        if (bits is < 1 or > 16)
        {
            problem = $"LUT Descriptor gives {bits} bits per entry; 1–16 are valid";
            return null;
        }

        if (!item.TryGetItem(DicomTags.LUTData, out var lutData) || lutData is not DicomElement { IsEmpty: false } dataElement)
        {
            problem = "LUT Data (0028,3006) is missing or empty";
            return null;
        }

        var bytes = dataElement.Buffer.GetMemory().Span;
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
                problem = $"LUT Data holds {bytes.Length} bytes for {entries} entries";
                return null;
            }

            for (var i = 0; i < entries; i++)
            {
                data[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
            }
        }

        return new LookupTable(first, bits, data);
    }

    /// <summary>One LUT Descriptor value; US or SS (the first mapped value may be negative), so −32768–65535.</summary>
    private static bool TryDescriptorValue(DicomDataset item, int index, out int value)
    {
        value = 0;
        try
        {
            var v = item.GetInt64(DicomTags.LUTDescriptor, index);
            value = (int)Math.Clamp(v, short.MinValue, ushort.MaxValue);
            return v == value && (index == 1 || v >= 0);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }
}
