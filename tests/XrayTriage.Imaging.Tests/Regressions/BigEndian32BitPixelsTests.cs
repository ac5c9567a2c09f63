using XrayTriage.Dicom;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 1: 32-bit pixels in Explicit VR Big Endian (an RT Dose) came out with their 16-bit words
/// swapped. pydicom's pixel_array of the same file is the oracle.</summary>
public sealed class BigEndian32BitPixelsTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.1.2.2")
        ds.Modality = "RTDOSE"
        ds.Rows, ds.Columns = 4, 5
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 32, 32, 31
        ds.PixelRepresentation = 0
        values = [3 + i * 70001 for i in range(20)]
        values[19] = 16000000
        ds.PixelData = struct.pack(">20I", *values)
        ds["PixelData"].VR = "OW"
        save(ds)
        """;

    private const string PixelArray = """
        import sys, pydicom
        print(" ".join(str(int(v)) for v in pydicom.dcmread(sys.argv[1]).pixel_array.ravel()))
        """;

    [Fact]
    public async Task DecodeFrame_BigEndian32BitUnsigned_EqualsPydicomPixelArray()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var file = DicomFile.Open(path);
            Assert.True(file.TransferSyntax.IsBigEndian);
            var geometry = PixelGeometry.FromDataset(file.Dataset, ImagingLimits.Default);

            var ours = MonochromeImage.DecodeFrame(file, geometry, 0);

            var expected = Enumerable.Range(0, 20).Select(i => i == 19 ? 16_000_000 : 3 + (i * 70001)).ToArray();
            Assert.Equal(expected, ours);
            var pydicom = (await PydicomFile.ReadAsync(PixelArray, path)).Split(' ').Select(int.Parse).ToArray();
            Assert.Equal(pydicom, ours);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Render_BigEndian32BitUnsigned_AutomaticWindowOverTheStoredRange()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var image = MonochromeImage.Render(DicomFile.Open(path));

            Assert.Equal(5, image.Width);
            Assert.Equal(0, image.Pixels[0]);
            Assert.Equal(255, image.Pixels[19]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
