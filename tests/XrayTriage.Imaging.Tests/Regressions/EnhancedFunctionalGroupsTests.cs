using XrayTriage.Dicom;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 4: an Enhanced CT's functional groups were ignored, so the rescale intercept (−1024) and the
/// frame windows never applied and a user window in HU was off by 1,024. Per-frame macros win over shared ones
/// (PS3.3 C.7.6.16).</summary>
public sealed class EnhancedFunctionalGroupsTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.1.2.1")
        ds.Modality = "CT"
        ds.Rows, ds.Columns = 2, 4
        ds.NumberOfFrames = 2
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
        ds.PixelRepresentation = 0

        def item(**attributes):
            d = Dataset()
            for k, v in attributes.items():
                setattr(d, k, v)
            return d

        shared = item(
            PixelValueTransformationSequence=[item(RescaleIntercept=-1024, RescaleSlope=1, RescaleType="HU")],
            FrameVOILUTSequence=[item(WindowCenter=-600, WindowWidth=1500)])
        ds.SharedFunctionalGroupsSequence = [shared]
        ds.PerFrameFunctionalGroupsSequence = [item(), item(FrameVOILUTSequence=[item(WindowCenter=40, WindowWidth=400)])]
        frame = [0, 974, 1024, 1074, 1224, 424, 2000, 4095]
        ds.PixelData = struct.pack("<16H", *(frame + frame))
        save(ds)
        """;

    [Fact]
    public async Task Render_ChosenWindowInHounsfieldUnits_AppliesTheSharedRescaleIntercept()
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var image = MonochromeImage.Render(DicomFile.Open(path), RenderOptions.Default with { Window = (0, 100) });

            // Stored 974/1024/1074 are −50/0/+50 HU: black, mid-gray and white in a window of 0 ± 50.
            Assert.Equal(new byte[] { 0, 0, 129, 255 }, image.Pixels[..4]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0, "file window #1: center -600, width 1500")]
    [InlineData(1, "file window #1: center 40, width 400")]
    public async Task Render_FrameVoiLut_PerFrameOverShared(int frame, string window)
    {
        var path = await PydicomFile.CreateAsync(Script);
        try
        {
            var image = MonochromeImage.Render(DicomFile.Open(path), frame: frame);

            Assert.StartsWith(window, image.Window, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
