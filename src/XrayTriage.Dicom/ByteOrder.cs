namespace XrayTriage.Dicom;

/// <summary>In-place byte order reversal for Explicit VR Big Endian values.</summary>
internal static class ByteOrder
{
    public static void Swap(Span<byte> bytes, int unit)
    {
        if (unit <= 1)
        {
            return;
        }

        var whole = bytes.Length - (bytes.Length % unit);
        for (var i = 0; i < whole; i += unit)
        {
            bytes.Slice(i, unit).Reverse();
        }
    }
}
