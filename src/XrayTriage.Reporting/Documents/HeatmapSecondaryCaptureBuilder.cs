using System.Globalization;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Reporting.Documents;

/// <summary>Builds the heatmap Secondary Capture: the film (long side at most <see cref="HeatmapCaptureRequest.MaxLongSide"/>
/// px, <see cref="DefaultMaxLongSide"/> unless the caller says otherwise) with the class
/// activation map blended in by <see cref="HeatmapOverlay"/>, a shaded caption band with "AI triage — not for diagnosis"
/// and the result burned in, 8-bit RGB, in the source's study and a new series. Pure and deterministic.</summary>
internal static class HeatmapSecondaryCaptureBuilder
{
    public const string SecondaryCaptureUid = "1.2.840.10008.5.1.4.1.1.7";
    public const int DefaultMaxLongSide = 1024;

    private static readonly (byte R, byte G, byte B) Yellow = (255, 221, 0);
    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);

    /// <summary>Renders the source (which must hold pixel data) and builds the capture.</summary>
    public static DicomDataset Build(
        DicomFile sourceFile,
        InferenceHeatmap heatmap,
        IReadOnlyList<string> textLines,
        string seriesInstanceUid,
        string sopInstanceUid,
        int seriesNumber,
        int instanceNumber,
        DateTimeOffset contentDateTime,
        AlgorithmIdentity algorithm,
        int maxLongSide = DefaultMaxLongSide)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        return Build(new HeatmapCaptureRequest(sourceFile.Dataset, MonochromeImage.Render(sourceFile), heatmap, textLines,
            seriesInstanceUid, sopInstanceUid, seriesNumber, instanceNumber, contentDateTime, algorithm) { MaxLongSide = maxLongSide });
    }

    public static DicomDataset Build(HeatmapCaptureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        ArgumentNullException.ThrowIfNull(request.Image);
        ArgumentNullException.ThrowIfNull(request.Heatmap);
        ArgumentNullException.ThrowIfNull(request.TextLines);
        ArgumentNullException.ThrowIfNull(request.Algorithm);
        foreach (var (uid, name) in new[] { (request.SeriesInstanceUid, "SeriesInstanceUid"), (request.SopInstanceUid, "SopInstanceUid") })
        {
            if (!DicomUid.IsValid(uid))
            {
                throw new ArgumentException($"{name} is not a valid UID: '{uid}'.", nameof(request));
            }
        }

        request.Heatmap.Validate();
        var canvas = Compose(request);
        return Dataset(request, canvas);
    }

    /// <summary>The RGB picture: downscaled film, heat blended in, caption drawn.</summary>
    internal static RgbCanvas Compose(HeatmapCaptureRequest request)
    {
        var film = Downscale(request.Image, request.MaxLongSide);
        var rgba = HeatmapOverlay.Blend(
            film,
            HeatmapOverlay.Upsample(request.Heatmap.Values, request.Heatmap.Width, request.Heatmap.Height, film.Width, film.Height));
        var rgb = new byte[film.Width * film.Height * 3];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgb[i] = rgba[j];
            rgb[i + 1] = rgba[j + 1];
            rgb[i + 2] = rgba[j + 2];
        }

        var canvas = new RgbCanvas(film.Width, film.Height, rgb);
        DrawCaption(canvas, [HeatmapCaption.Disclaimer, .. request.TextLines]);
        return canvas;
    }

    private static DisplayImage Downscale(DisplayImage image, int maxLongSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLongSide);
        var longSide = Math.Max(image.Width, image.Height);
        if (longSide <= maxLongSide)
        {
            return image;
        }

        var width = Math.Max(1, (int)Math.Round((double)image.Width * maxLongSide / longSide));
        var height = Math.Max(1, (int)Math.Round((double)image.Height * maxLongSide / longSide));
        var resized = AreaResampler.Resize(image.Pixels, image.Width, image.Height, width, height);
        var pixels = new byte[resized.Length];
        for (var i = 0; i < resized.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(MathF.Round(resized[i]), 0f, 255f);
        }

        return image with { Width = width, Height = height, Pixels = pixels };
    }

    /// <summary>Font scale from the image size (≈1 % of the long side per font pixel row), reduced until the longest line
    /// fits; lines that still do not fit at scale 1 are cut with "...".</summary>
    private static void DrawCaption(RgbCanvas canvas, IReadOnlyList<string> lines)
    {
        var margin = Math.Max(2, Math.Max(canvas.Width, canvas.Height) / 100);
        var available = canvas.Width - (2 * margin);
        var scale = Math.Max(1, (int)Math.Round(Math.Max(canvas.Width, canvas.Height) / 400.0));
        var longest = lines.Max(l => l.Length);
        while (scale > 1 && BitmapFont.MeasureWidth(new string('M', longest), scale) > available)
        {
            scale--;
        }

        var fitted = lines.Select(l => Fit(l, available)).ToList();
        var bandHeight = (fitted.Count * BitmapFont.LineHeight * scale) + (2 * margin);
        canvas.Shade(0, 0, canvas.Width, bandHeight, 0.65f);
        for (var i = 0; i < fitted.Count; i++)
        {
            BitmapFont.Draw(canvas, fitted[i], margin, margin + (i * BitmapFont.LineHeight * scale), scale, i == 0 ? Yellow : White);
        }
    }

    private static string Fit(string line, int available)
    {
        var maxChars = Math.Max(1, (available + 1) / BitmapFont.Advance);
        return line.Length <= maxChars ? line : string.Concat(line.AsSpan(0, Math.Max(0, maxChars - 3)), "...");
    }

    private static DicomDataset Dataset(HeatmapCaptureRequest request, RgbCanvas canvas)
    {
        var source = request.Source;
        var algorithm = request.Algorithm;
        var (date, time) = SourceAttributes.DateAndTime(source, request.ContentDateTime);
        var sc = new DicomDataset();
        SourceAttributes.CopyTo(source, sc);

        // SOP Common, General Series, General Equipment, SC Equipment
        sc.Add(DicomTags.SOPClassUID, DicomVR.UI, SecondaryCaptureUid);
        sc.Add(DicomTags.SOPInstanceUID, DicomVR.UI, request.SopInstanceUid);
        sc.Add(DicomTags.InstanceCreationDate, DicomVR.DA, date);
        sc.Add(DicomTags.InstanceCreationTime, DicomVR.TM, time);
        sc.Add(DicomTags.Modality, DicomVR.CS, "OT");
        sc.Add(DicomTags.SeriesInstanceUID, DicomVR.UI, request.SeriesInstanceUid);
        sc.Add(DicomTags.SeriesNumber, DicomVR.IS, request.SeriesNumber.ToString(CultureInfo.InvariantCulture));
        sc.Add(DicomTags.SeriesDescription, DicomVR.LO, "AI triage heatmap (not for diagnosis)");

        // Laterality is 2C (paired body parts only). With the source's Body Part Examined copied a validator can see a
        // chest is unpaired and Laterality stays absent; without it Laterality is written empty ("unknown") so that
        // dciodvfy, which cannot tell, does not call the capture invalid.
        if (source.TryGetItem(DicomTags.BodyPartExamined, out var bodyPart) && bodyPart is DicomElement { IsEmpty: false })
        {
            sc.Add(bodyPart);
        }

        if (source.TryGetItem(DicomTags.Laterality, out var laterality) && laterality is DicomElement)
        {
            sc.Add(laterality);
        }
        else if (!sc.Contains(DicomTags.BodyPartExamined))
        {
            sc.Add(new DicomElement(DicomTags.Laterality, DicomVR.CS, DicomBuffer.FromBytes(ReadOnlyMemory<byte>.Empty)));
        }

        sc.Add(DicomTags.Manufacturer, DicomVR.LO, algorithm.Manufacturer);
        sc.Add(DicomTags.ConversionType, DicomVR.CS, "WSD");
        sc.Add(DicomTags.SecondaryCaptureDeviceManufacturer, DicomVR.LO, algorithm.Manufacturer);
        sc.Add(DicomTags.SecondaryCaptureDeviceManufacturerModelName, DicomVR.LO, algorithm.ModelName);
        sc.Add(DicomTags.SecondaryCaptureDeviceSoftwareVersions, DicomVR.LO, algorithm.ApplicationVersion, algorithm.ModelVersion);
        sc.Add(DicomTags.DateOfSecondaryCapture, DicomVR.DA, date);
        sc.Add(DicomTags.TimeOfSecondaryCapture, DicomVR.TM, time);

        // General Image
        sc.Add(DicomTags.InstanceNumber, DicomVR.IS, request.InstanceNumber.ToString(CultureInfo.InvariantCulture));
        sc.AddOrUpdate(source.TryGetItem(DicomTags.PatientOrientation, out var orientation) && orientation is DicomElement
            ? orientation
            : new DicomElement(DicomTags.PatientOrientation, DicomVR.CS, DicomBuffer.FromBytes(ReadOnlyMemory<byte>.Empty)));
        sc.Add(DicomTags.ContentDate, DicomVR.DA, date);
        sc.Add(DicomTags.ContentTime, DicomVR.TM, time);
        sc.Add(DicomTags.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        sc.Add(DicomTags.DerivationDescription, DicomVR.ST,
            $"Class activation map of {algorithm.ModelName} {algorithm.ModelVersion} blended over the source image, "
            + "result text burned in; AI triage, not for diagnosis");
        sc.Add(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        sc.Add(new DicomSequence(DicomTags.SourceImageSequence, new DicomDataset()
            .Add(DicomTags.ReferencedSOPClassUID, DicomVR.UI, source.GetString(DicomTags.SOPClassUID))
            .Add(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, source.GetString(DicomTags.SOPInstanceUID))));
        foreach (var tag in new[]
        {
            DicomTags.LossyImageCompression, DicomTags.LossyImageCompressionRatio, DicomTags.LossyImageCompressionMethod,
        })
        {
            // Once lossy, always lossy (PS3.3 C.7.6.1.1.5): the capture inherits what its source went through.
            if (source.TryGetItem(tag, out var lossy) && lossy is DicomElement)
            {
                sc.Add(lossy);
            }
        }

        // Image Pixel: 8-bit RGB, pixel-interleaved
        sc.Add(DicomTags.SamplesPerPixel, (ushort)3);
        sc.Add(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        sc.Add(DicomTags.PlanarConfiguration, (ushort)0);
        sc.Add(DicomTags.Rows, (ushort)canvas.Height);
        sc.Add(DicomTags.Columns, (ushort)canvas.Width);
        sc.Add(DicomTags.BitsAllocated, (ushort)8);
        sc.Add(DicomTags.BitsStored, (ushort)8);
        sc.Add(DicomTags.HighBit, (ushort)7);
        sc.Add(DicomTags.PixelRepresentation, (ushort)0);
        var pixels = canvas.Pixels;
        if (pixels.Length % 2 != 0)
        {
            Array.Resize(ref pixels, pixels.Length + 1);
        }

        sc.AddOrUpdate(DicomTags.PixelData, DicomVR.OB, pixels);
        return sc;
    }
}
