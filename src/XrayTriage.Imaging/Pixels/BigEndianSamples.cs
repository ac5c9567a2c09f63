using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Pixels;

/// <summary>
/// Native Pixel Data of Explicit VR Big Endian in little-endian sample order. The toolkit swaps a value by its VR's
/// unit (OW: 16-bit words), but a sample is Bits Allocated wide (PS3.5 §8.1.1, Annex A.3): with 32-bit samples in
/// OW each sample still has its two words in big-endian order after the toolkit's swap. This puts every sample in
/// little-endian order.
/// </summary>
internal static class BigEndianSamples
{
    public static ReadOnlyMemory<byte> ToLittleEndian(ReadOnlyMemory<byte> pixelData, DicomVR vr, int bitsAllocated)
    {
        var sampleBytes = bitsAllocated / 8;
        var swappedUnit = vr == DicomVR.OW || vr == DicomVR.US || vr == DicomVR.SS ? 2 : vr == DicomVR.OL || vr == DicomVR.OF ? 4 : 1;
        if (sampleBytes <= 1 || swappedUnit == sampleBytes)
        {
            return pixelData;
        }

        // Undo the toolkit's swap (back to the file's bytes), then swap by sample.
        var bytes = pixelData.ToArray();
        Reverse(bytes, swappedUnit);
        Reverse(bytes, sampleBytes);
        return bytes;
    }

    private static void Reverse(Span<byte> bytes, int unit)
    {
        if (unit <= 1)
        {
            return;
        }

        for (var i = 0; i + unit <= bytes.Length; i += unit)
        {
            bytes.Slice(i, unit).Reverse();
        }
    }
}
