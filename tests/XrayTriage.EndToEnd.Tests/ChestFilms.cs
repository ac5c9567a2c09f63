using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>
/// Chest radiographs as a modality sends them, built with our writer from the <c>../shared/data/cxr</c> pictures:
/// CR and DX, MONOCHROME1 and MONOCHROME2, 8, 12 and 16 bits stored, with and without a VOI window, PA and AP,
/// four images per study (one modality per study), fresh 2.25 UIDs. Generated once per test run into a temporary folder.
/// </summary>
internal static class ChestFilms
{
    public const int Count = 300;
    private const int ImagesPerStudy = 4;
    private const int SourcePictures = 40;

    private static readonly Lazy<List<ChestFilm>> Films = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The first <paramref name="count"/> generated films (all distinct SOP Instance UIDs).</summary>
    public static IReadOnlyList<ChestFilm> Take(int count) => Films.Value.Take(count).ToArray();

    private static List<ChestFilm> Generate()
    {
        var pictures = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.CxrData, "val"), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => RasterImage.Load(p))
            .Where(i => i.Width >= 256 && i.Height >= 256)
            .Take(SourcePictures)
            .ToArray();
        if (pictures.Length == 0)
        {
            throw new InvalidOperationException($"No usable pictures under {RepositoryPaths.CxrData}/val.");
        }

        var folder = Directory.CreateTempSubdirectory("xraytriage-e2e-films-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        var films = new List<ChestFilm>(Count);
        string? studyUid = null;
        string? seriesUid = null;
        for (var i = 0; i < Count; i++)
        {
            if (i % ImagesPerStudy == 0)
            {
                studyUid = DicomUid.Generate().Value;
                seriesUid = DicomUid.Generate().Value;
            }

            var variant = new Variant(
                Dx: i / ImagesPerStudy % 2 == 1,
                Monochrome1: i % 3 == 1,
                BitsStored: (i % 4) switch { 0 => 8, 1 => 12, 2 => 16, _ => 12 },
                Windowed: i % 5 < 2,
                View: i % 7 < 4 ? "PA" : "AP");
            var sopInstanceUid = DicomUid.Generate().Value;
            var path = Path.Combine(folder, $"{i:D3}.dcm");
            var file = Build(pictures[i % pictures.Length], variant, studyUid!, seriesUid!, sopInstanceUid, i);
            file.Save(path);
            films.Add(new ChestFilm(path, sopInstanceUid));
        }

        return films;
    }

    private static DicomFile Build(
        Imaging.Grayscale.DisplayImage picture, Variant variant, string studyUid, string seriesUid, string sopInstanceUid, int index)
    {
        var maximum = (1 << variant.BitsStored) - 1;
        var bitsAllocated = variant.BitsStored == 8 ? 8 : 16;
        var pixelCount = picture.Width * picture.Height;
        var bytes = new byte[(pixelCount * (bitsAllocated / 8) + 1) & ~1];
        for (var p = 0; p < pixelCount; p++)
        {
            // Scale 0–255 to the stored range; MONOCHROME1 stores the inverse (bright = low values).
            var value = (picture.Pixels[p] * maximum + 127) / 255;
            if (variant.Monochrome1)
            {
                value = maximum - value;
            }

            if (bitsAllocated == 8)
            {
                bytes[p] = (byte)value;
            }
            else
            {
                bytes[2 * p] = (byte)value;
                bytes[(2 * p) + 1] = (byte)(value >> 8);
            }
        }

        var (sopClass, modality) = variant.Dx
            ? ("1.2.840.10008.5.1.4.1.1.1.1", "DX")
            : ("1.2.840.10008.5.1.4.1.1.1", "CR");
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, sopClass)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid)
            .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, "20260101")
            .AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, "120000")
            .AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, $"E2E{index / ImagesPerStudy:D5}")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, modality)
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, $"Synthetic^Patient{index / ImagesPerStudy:D3}")
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, $"E2E-{index / ImagesPerStudy:D5}")
            .AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "XR CHEST")
            .AddOrUpdate(DicomTags.BodyPartExamined, DicomVR.CS, "CHEST")
            .AddOrUpdate(DicomTags.ViewPosition, DicomVR.CS, variant.View)
            .AddOrUpdate(DicomTags.SeriesNumber, DicomVR.IS, "1")
            .AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, ((index % ImagesPerStudy) + 1).ToString(CultureInfo.InvariantCulture))
            .AddOrUpdate(DicomTags.SamplesPerPixel, (ushort)1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, variant.Monochrome1 ? "MONOCHROME1" : "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, (ushort)picture.Height)
            .AddOrUpdate(DicomTags.Columns, (ushort)picture.Width)
            .AddOrUpdate(DicomTags.BitsAllocated, (ushort)bitsAllocated)
            .AddOrUpdate(DicomTags.BitsStored, (ushort)variant.BitsStored)
            .AddOrUpdate(DicomTags.HighBit, (ushort)(variant.BitsStored - 1))
            .AddOrUpdate(DicomTags.PixelRepresentation, (ushort)0)
            .AddOrUpdate(DicomTags.PixelData, bitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, bytes);
        if (variant.Dx)
        {
            dataset.AddOrUpdate(DicomTags.PresentationIntentType, DicomVR.CS, "FOR PRESENTATION");
            dataset.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY");
        }

        if (variant.Windowed)
        {
            dataset.AddOrUpdate(DicomTags.WindowCenter, DicomVR.DS, ((maximum + 1) / 2.0).ToString(CultureInfo.InvariantCulture));
            dataset.AddOrUpdate(DicomTags.WindowWidth, DicomVR.DS, (maximum + 1).ToString(CultureInfo.InvariantCulture));
        }

        return new DicomFile(dataset, TransferSyntax.ExplicitVRLittleEndian);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private readonly record struct Variant(bool Dx, bool Monochrome1, int BitsStored, bool Windowed, string View);
}
