using XrayTriage.Dicom;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 8: colour films (RGB, YBR_FULL, YBR_FULL_422, PALETTE COLOR) were refused as "not
/// grayscale"; DCMTK renders them. They are reduced to luminance Y = 0.299 R + 0.587 G + 0.114 B (the Y of YBR_FULL,
/// PS3.3 C.7.6.3.1.2) for display and the model, and the result says the source was colour.</summary>
public sealed class ColourFilmsTests
{
    private const string Script = PydicomFile.Preamble + """
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.1.2.1")
        ds.Modality, ds.BodyPartExamined, ds.ViewPosition = "DX", "CHEST", "PA"
        ds.Rows, ds.Columns = 4, 4
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 8, 8, 7
        ds.PixelRepresentation = 0
        rgb = [((i * 17) % 256, (i * 53) % 256, (i * 101) % 256) for i in range(16)]
        def ybr(r, g, b):
            c = lambda v: max(0, min(255, int(round(v))))
            return (c(.299 * r + .587 * g + .114 * b), c(-.168736 * r - .331264 * g + .5 * b + 128),
                    c(.5 * r - .418688 * g - .081312 * b + 128))
        variant = "{variant}"
        ds.SamplesPerPixel = 3
        ds.PlanarConfiguration = 0
        if variant == "RGB":
            ds.PhotometricInterpretation = "RGB"
            ds.PixelData = bytes(v for p in rgb for v in p)
        elif variant == "RGB planar":
            ds.PhotometricInterpretation = "RGB"
            ds.PlanarConfiguration = 1
            ds.PixelData = bytes(p[k] for k in range(3) for p in rgb)
        elif variant == "YBR_FULL":
            ds.PhotometricInterpretation = "YBR_FULL"
            ds.PixelData = bytes(v for p in rgb for v in ybr(*p))
        elif variant == "YBR_FULL_422":
            ds.PhotometricInterpretation = "YBR_FULL_422"
            data = []
            for i in range(0, 16, 2):
                a, b = ybr(*rgb[i]), ybr(*rgb[i + 1])
                data += [a[0], b[0], (a[1] + b[1]) // 2, (a[2] + b[2]) // 2]
            ds.PixelData = bytes(data)
        else:
            ds.PhotometricInterpretation = "PALETTE COLOR"
            ds.SamplesPerPixel = 1
            del ds.PlanarConfiguration
            for k, values in [(1, [i * 4369 for i in range(16)]), (2, [65535 - i * 4369 for i in range(16)]),
                              (3, [i * 1000 for i in range(16)])]:
                ds.add_new(0x00281100 + k, "US", [16, 0, 16])
                ds.add_new(0x00281200 + k, "OW", struct.pack("<16H", *values))
            ds.PixelData = bytes(range(16))
        save(ds)
        """;

    public static TheoryData<string> Variants() => new("RGB", "RGB planar", "YBR_FULL", "YBR_FULL_422", "PALETTE COLOR");

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Render_ColourFilm_LuminanceWithAColourNote(string variant)
    {
        var path = await PydicomFile.CreateAsync(Script.Replace("{variant}", variant, StringComparison.Ordinal));
        try
        {
            var file = DicomFile.Open(path);

            var image = MonochromeImage.Render(file);

            Assert.Equal(Expected(variant), image.Pixels);
            Assert.Contains(image.Notes, n => n.StartsWith(
                $"colour source ({file.Dataset.GetString(DicomTags.PhotometricInterpretation)}) reduced to luminance",
                StringComparison.Ordinal));
            var decision = EligibilityRules.Evaluate(file.Dataset, EligibilityOptions.Default with { MinimumSize = 1 });
            Assert.Equal(EligibilityReason.Eligible, decision.Reason);
            Assert.Contains("(colour source, triaged on luminance)", decision.Detail, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Expected(string variant)
    {
        var expected = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            var (r, g, b) = variant == "PALETTE COLOR"
                ? (i * 4369 / 65535.0 * 255, (65535 - (i * 4369)) / 65535.0 * 255, i * 1000 / 65535.0 * 255)
                : ((i * 17) % 256, (i * 53) % 256, (double)((i * 101) % 256));
            expected[i] = (byte)Math.Round(Math.Clamp((0.299 * r) + (0.587 * g) + (0.114 * b), 0, 255));
        }

        return expected;
    }
}
