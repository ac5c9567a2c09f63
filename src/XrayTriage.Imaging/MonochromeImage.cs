using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging;

/// <summary>From a DICOM instance to its display image: geometry checked against the limits, the frame decoded,
/// the grayscale pipeline applied.</summary>
public static class MonochromeImage
{
    public static DisplayImage Render(DicomFile file, RenderOptions? options = null, ImagingLimits? limits = null, int frame = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dataset = file.Dataset;
        var geometry = PixelGeometry.FromDataset(dataset, limits ?? ImagingLimits.Default);
        var stored = DecodeFrame(file, geometry, frame);
        return GrayscaleRenderer.Render(dataset, geometry, stored, options ?? RenderOptions.Default);
    }

    public static int[] DecodeFrame(DicomFile file, PixelGeometry geometry, int frame)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(geometry);
        if (!file.Dataset.TryGetItem(DicomTags.PixelData, out var item))
        {
            throw new ImagingException("The instance has no Pixel Data (7FE0,0010).");
        }

        if (file.TransferSyntax.IsEncapsulated || item is not DicomElement element)
        {
            throw new ImagingException($"Unsupported transfer syntax for pixel data: {file.TransferSyntax.Name}.");
        }

        if (element.Length < geometry.FrameBytes * (frame + 1))
        {
            throw new ImagingException(
                $"Pixel Data holds {element.Length} bytes; {geometry.Rows} × {geometry.Columns} × {geometry.BitsAllocated} bits needs {geometry.FrameBytes} per frame.");
        }

        return NativeFrameDecoder.Decode(element.Buffer.GetMemory().Span, geometry, frame);
    }
}
