using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Benchmarks;

/// <summary>Writes a 2,000 × 2,500, 16 bits allocated / 12 stored, MONOCHROME1 CR in Explicit VR Little Endian with
/// a smooth chest-like intensity field and a window, so decoders and windowing do real work.</summary>
internal static class SyntheticCr
{
    public static void Write(string path)
    {
        const int rows = 2500, columns = 2000;
        var pixels = new byte[rows * columns * 2];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var dx = (x - (columns / 2.0)) / columns;
                var dy = (y - (rows / 2.0)) / rows;
                var lungs = Math.Exp(-((dx * dx * 18) + (dy * dy * 6)));
                var ribs = 0.08 * Math.Sin(y / 23.0) * Math.Cos(x / 190.0);
                var value = (ushort)Math.Clamp(600 + (2800 * (1 - lungs)) + (400 * ribs) + ((x * 7 + y * 13) % 17), 0, 4095);
                pixels[((y * columns) + x) * 2] = (byte)value;
                pixels[(((y * columns) + x) * 2) + 1] = (byte)(value >> 8);
            }
        }

        var dataset = new DicomDataset()
            .Add(DicomTags.SOPClassUID, DicomUids.ComputedRadiographyImageStorage)
            .Add(DicomTags.SOPInstanceUID, DicomUid.Generate())
            .Add(DicomTags.Modality, "CR")
            .Add(DicomTags.BodyPartExamined, "CHEST")
            .Add(DicomTags.ViewPosition, "PA")
            .Add(DicomTags.SamplesPerPixel, (ushort)1)
            .Add(DicomTags.PhotometricInterpretation, "MONOCHROME1")
            .Add(DicomTags.Rows, (ushort)rows)
            .Add(DicomTags.Columns, (ushort)columns)
            .Add(DicomTags.BitsAllocated, (ushort)16)
            .Add(DicomTags.BitsStored, (ushort)12)
            .Add(DicomTags.HighBit, (ushort)11)
            .Add(DicomTags.PixelRepresentation, (ushort)0)
            .Add(DicomTags.WindowCenter, "2000")
            .Add(DicomTags.WindowWidth, "3500")
            .Add(new DicomElement(DicomTags.PixelData, DicomVR.OW, DicomBuffer.FromBytes(pixels)));
        new DicomFile(dataset, TransferSyntax.ExplicitVRLittleEndian).Save(path);
    }
}
