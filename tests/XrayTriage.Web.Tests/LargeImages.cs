using SkiaSharp;
using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>The large inputs, made at test time: an 8192 × 8192 grayscale PNG (a chest of the shared set,
/// nearest-neighbour enlarged, so its content is a real film's) and 8192 × 8192, 16-bit RLE Lossless CR films of about
/// 2 MB each, all in one study (piecewise-constant rows, the worst case for memory: no window in the file, so the
/// automatic window runs).</summary>
public static class LargeImages
{
    public const int Side = 8192;

    /// <summary>A chest PNG of the shared validation set brought to 512 × 512 (nearest), and the same enlarged 16× to
    /// 8192 × 8192 (each pixel a 16 × 16 block): a real film's content at the size.</summary>
    public static (string Small, string Large) ChestPngPair(string folder)
    {
        var source = Path.Combine(RepositoryPaths.CxrData, "val", "covid19", "14ffee49e4571091.png");
        using var original = SKBitmap.Decode(source);
        using var gray = new SKBitmap(new SKImageInfo(original.Width, original.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        original.CopyTo(gray, SKColorType.Gray8);
        var small = Path.Combine(folder, "chest-512.png");
        var large = Path.Combine(folder, "chest-8192.png");
        Save(Enlarge(gray, 512), small);
        Save(Enlarge(gray, Side), large);
        return (small, large);
    }

    private static SKBitmap Enlarge(SKBitmap gray, int side)
    {
        var target = new SKBitmap(new SKImageInfo(side, side, SKColorType.Gray8, SKAlphaType.Opaque));
        var source = gray.GetPixelSpan();
        var pixels = target.GetPixelSpan();
        for (var y = 0; y < side; y++)
        {
            var sy = y * gray.Height / side;
            for (var x = 0; x < side; x++)
            {
                pixels[(y * side) + x] = source[(sy * gray.RowBytes) + (x * gray.Width / side)];
            }
        }

        return target;
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        using (bitmap)
        using (var data = bitmap.Encode(SKEncodedImageFormat.Png, 100))
        using (var stream = File.Create(path))
        {
            data.SaveTo(stream);
        }
    }

    /// <summary>An 8192 × 8192 MONOCHROME2 CR, 16 bits allocated, 12 stored, RLE Lossless, in study <paramref name="studyUid"/>
    /// (series <c>studyUid.1</c>); rows are eight flat 1024-pixel runs whose level depends on the row and on
    /// <paramref name="seed"/>.</summary>
    public static string RleFilm(string folder, int seed, string studyUid)
    {
        using var high = new MemoryStream();
        using var low = new MemoryStream();
        for (var y = 0; y < Side; y++)
        {
            for (var block = 0; block < 8; block++)
            {
                var value = (ushort)Math.Clamp(600 + (y * 3000 / Side) + (((block + seed) % 8) * 50), 0, 4095);
                Run(high, (byte)(value >> 8), Side / 8);
                Run(low, (byte)value, Side / 8);
            }
        }

        var header = new byte[64];
        BitConverter.TryWriteBytes(header.AsSpan(0), 2u);
        BitConverter.TryWriteBytes(header.AsSpan(4), 64u);
        BitConverter.TryWriteBytes(header.AsSpan(8), (uint)(64 + high.Length));
        var frame = new byte[64 + high.Length + low.Length + ((high.Length + low.Length) % 2)];
        header.CopyTo(frame, 0);
        high.ToArray().CopyTo(frame, 64);
        low.ToArray().CopyTo(frame, 64 + (int)high.Length);

        var dataset = new DicomDataset()
            .Add(DicomTags.SOPClassUID, DicomUids.ComputedRadiographyImageStorage)
            .Add(DicomTags.SOPInstanceUID, DicomUid.Generate())
            .Add(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Add(DicomTags.SeriesInstanceUID, DicomVR.UI, studyUid + ".1")
            .Add(DicomTags.PatientID, "LARGE-FILM")
            .Add(DicomTags.PatientName, "Large^Film")
            .Add(DicomTags.Modality, "CR")
            .Add(DicomTags.BodyPartExamined, "CHEST")
            .Add(DicomTags.ViewPosition, "PA")
            .Add(DicomTags.SamplesPerPixel, (ushort)1)
            .Add(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .Add(DicomTags.Rows, (ushort)Side)
            .Add(DicomTags.Columns, (ushort)Side)
            .Add(DicomTags.BitsAllocated, (ushort)16)
            .Add(DicomTags.BitsStored, (ushort)12)
            .Add(DicomTags.HighBit, (ushort)11)
            .Add(DicomTags.PixelRepresentation, (ushort)0)
            .Add(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromBytes(frame)]));
        var path = Path.Combine(folder, $"large-rle-{seed}.dcm");
        new DicomFile(dataset, TransferSyntax.RleLossless).Save(path);
        return path;
    }

    /// <summary>PackBits replicate runs of at most 128 (PS3.5 §G.3.1).</summary>
    private static void Run(MemoryStream segment, byte value, int count)
    {
        for (; count > 0; count -= 128)
        {
            var length = Math.Min(count, 128);
            segment.WriteByte((byte)(257 - length));
            segment.WriteByte(value);
        }
    }
}
