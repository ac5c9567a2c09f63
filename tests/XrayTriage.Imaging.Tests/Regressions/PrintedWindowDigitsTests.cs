using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 9: the automatic window was printed rounded to three decimals, so for a PET with rescale
/// slope 5.9e-8 it read "center 0, width 0.001" and replaying it with --window gave a white image. It is printed
/// with round-trip digits, and a chosen window narrower than 1 is applied as LINEAR_EXACT (LINEAR needs width ≥ 1).</summary>
public sealed class PrintedWindowDigitsTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.1.2.1")
        ds.Modality = "PT"
        ds.Rows, ds.Columns = 16, 16
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 16, 15
        ds.PixelRepresentation = 0
        ds.RescaleSlope, ds.RescaleIntercept = "5.9e-08", "0"
        ds.PixelData = struct.pack("<256H", *[i * 117 for i in range(256)])
        save(ds)
        """;

    [Fact]
    public async Task Render_PrintedAutomaticWindowReplayedAsChosenWindow_GivesTheSameImage()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var file = DicomFile.Open(path);
            var automatic = MonochromeImage.Render(file);
            var (center, width) = Printed(automatic.Window);

            var replayed = MonochromeImage.Render(file, RenderOptions.Default with { Window = (center, width) });

            Assert.True(width > 0 && width < 0.01, automatic.Window);
            Assert.Equal(automatic.Pixels, replayed.Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (double Center, double Width) Printed(string window)
    {
        // "auto p0.5–p99.5: center 0.000885, width 0.00174, LinearExact"
        var parts = window.Split(':')[1].Split(',');
        return (double.Parse(parts[0].Replace("center", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
            double.Parse(parts[1].Replace("width", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
    }
}
