using XrayTriage.Dicom;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>The one way from a file to the image the model reads, for <c>classify</c>, <c>eval</c>, <c>calibrate</c>
/// and the upload page: PNG and JPEG (by signature) through <see cref="RasterImage"/>, anything else as DICOM through
/// <see cref="MonochromeImage"/> with the header rules' decision. <see cref="SourceWidth"/> × <see cref="SourceHeight"/>
/// is the file's own size, whatever size the image was decoded at.</summary>
public sealed record ModelImageFile(DisplayImage Image, string Format, int SourceWidth, int SourceHeight, EligibilityDecision? Eligibility)
{
    /// <summary>Reads a file from disk; see <see cref="Read(byte[], EligibilityOptions, RenderOptions?, int?)"/>.</summary>
    public static ModelImageFile Load(string path, EligibilityOptions eligibility, RenderOptions? render = null, int? maxSide = null)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return IsRaster(head[..read])
            ? Raster(File.ReadAllBytes(path), maxSide)
            : Dicom(DicomFile.Open(path), eligibility, render, maxSide);
    }

    /// <summary>Decodes <paramref name="content"/>: a DICOM frame rendered with <paramref name="render"/> (the model's
    /// reduced decode, or null for the full film), then no larger than <paramref name="maxSide"/> on its long side.</summary>
    public static ModelImageFile Read(byte[] content, EligibilityOptions eligibility, RenderOptions? render = null, int? maxSide = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (IsRaster(content))
        {
            return Raster(content, maxSide);
        }

        using var stream = new MemoryStream(content, writable: false);
        return Dicom(DicomFile.Open(stream), eligibility, render, maxSide);
    }

    /// <summary>Whether the content starts like a PNG or a JPEG file (else it is read as DICOM).</summary>
    public static bool IsRaster(ReadOnlySpan<byte> head) => IsPng(head) || IsJpeg(head);

    private static ModelImageFile Raster(byte[] content, int? maxSide)
    {
        var image = RasterImage.Decode(content, maxSide: maxSide);
        var (width, height) = RasterImage.HeaderSize(content) ?? (image.Width, image.Height);
        return new ModelImageFile(image, IsPng(content) ? "PNG" : "JPEG", width, height, null);
    }

    private static ModelImageFile Dicom(DicomFile dicom, EligibilityOptions eligibility, RenderOptions? render, int? maxSide)
    {
        var decision = EligibilityRules.Evaluate(dicom.Dataset, eligibility);
        var geometry = PixelGeometry.FromDataset(FunctionalGroups.ForFrame(dicom.Dataset, 0), ImagingLimits.Default);
        var image = MonochromeImage.Render(dicom, render);
        var fitted = maxSide is { } side ? DisplayDownscale.Fit(image, side) : image;
        return new ModelImageFile(fitted, "DICOM", geometry.Columns, geometry.Rows, decision);
    }

    private static bool IsPng(ReadOnlySpan<byte> head)
        => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsJpeg(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
}
