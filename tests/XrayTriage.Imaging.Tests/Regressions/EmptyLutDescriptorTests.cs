using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 2: an empty LUT Descriptor (0028,3002) in the Modality LUT Sequence crashed render with an
/// unhandled FormatException. DCMTK warns "incomplete or missing LookupTableDescriptor … ignoring LUT" and renders
/// with the rescale; so do we, and say so.</summary>
public sealed class EmptyLutDescriptorTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.1.2.1")
        ds.Modality = "OT"
        ds.Rows, ds.Columns = 4, 4
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
        ds.PixelRepresentation = 0
        lut = Dataset()
        lut.add_new(0x00283002, "US", None)
        lut.add_new(0x00283006, "OW", bytes(range(32)))
        lut.ModalityLUTType = "US"
        ds.ModalityLUTSequence = [lut]
        if "{window}" == "yes":
            ds.WindowCenter, ds.WindowWidth = 2048, 4096
        ds.PixelData = struct.pack("<16H", *[i * 273 for i in range(16)])
        save(ds)
        """;

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task Render_EmptyModalityLutDescriptor_IgnoresTheLutWithANote(string window)
    {
        var path = await PydicomFile.CreateAsync(Script.Replace("{window}", window, StringComparison.Ordinal));
        try
        {
            var image = MonochromeImage.Render(DicomFile.Open(path));

            Assert.Contains(
                image.Notes,
                n => n.StartsWith("Modality LUT ignored: LUT Descriptor (0028,3002) is missing", StringComparison.Ordinal));
            Assert.True(image.Pixels[15] > image.Pixels[0], "the stored values, unchanged by the ignored LUT, still rise");
            Assert.Equal(255, image.Pixels[15]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
