using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Reporting.Documents;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>The heatmap Secondary Capture from real chest films, checked by dciodvfy, dcmj2pnm, pydicom and our parser.</summary>
public sealed class HeatmapSecondaryCaptureBuilderTests : IDisposable
{
    /// <summary>dciodvfy warnings tolerated, each with the reason.</summary>
    private static readonly (string Fragment, string Why)[] ToleratedWarnings =
    [
        ("Missing attribute or value that would be needed to build DICOMDIR - ",
            "the source lacks Study Date/Time/ID or Patient ID; the capture copies them and never invents them (Type 2, empty)"),
        ("Retired Person Name form", "names copied byte for byte from the source (\"Covid0000\", \"ward\")"),
        ("should be absent (not empty) if an unpaired body part",
            "source without Body Part Examined: Laterality (2C) is written empty = unknown, else dciodvfy reports it missing as an error"),
    ];

    private readonly DicomOracles _oracles = new();

    public static TheoryData<string> Samples => new() { "UTF8", "LATIN1", "PLAIN" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Build_RealChestFilm_DciodvfyReportsNoErrors(string sample)
    {
        var path = _oracles.Write(Capture(sample));

        var (errors, warnings, report) = await DicomOracles.DciodvfyAsync(path);

        Assert.Contains("SCImage", report, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, report);
        var unexpected = warnings.Where(w => !ToleratedWarnings.Any(t => w.Contains(t.Fragment, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, report);
    }

    [Fact]
    public async Task Build_HotSpot_Dcmj2pnmShowsColourWhereHotAndTheGrayFilmElsewhere()
    {
        var sourceFile = DicomFile.Open(DocumentSamples.PlainChest);
        var gray = MonochromeImage.Render(sourceFile);
        var path = _oracles.Write(Capture("PLAIN"));
        var ppmPath = path + ".ppm";

        (await PeerTools.RunAsync("dcmj2pnm", ["+op", path, ppmPath])).EnsureSuccess("dcmj2pnm");
        var picture = Ppm.Read(ppmPath);

        Assert.Equal((gray.Width, gray.Height), (picture.Width, picture.Height));
        var (hotX, hotY) = HotSpotIn(picture.Width, picture.Height);
        var hot = picture[hotX, hotY];
        var hotGray = gray.Pixels[(hotY * gray.Width) + hotX];
        Assert.True(
            hot.R > hot.B + 60 && Math.Abs(hot.R - hotGray) + Math.Abs(hot.B - hotGray) > 60,
            $"hot pixel {hot} over gray {hotGray}");
        var (coldX, coldY) = (picture.Width - 40, picture.Height - 40);
        var cold = picture[coldX, coldY];
        var coldGray = gray.Pixels[(coldY * gray.Width) + coldX];
        Assert.Equal((coldGray, coldGray, coldGray), cold);
    }

    [Fact]
    public void Build_Caption_DisclaimerInYellowOnAShadedBand()
    {
        var dataset = Capture("PLAIN");
        var pixels = ((DicomElement)dataset.GetItem(DicomTags.PixelData)).Buffer.GetMemory().Span;
        var width = dataset.GetUInt16(DicomTags.Columns);

        var yellow = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                yellow += pixels[i] == 255 && pixels[i + 1] == 221 && pixels[i + 2] == 0 ? 1 : 0;
            }
        }

        // "AI TRIAGE — NOT FOR DIAGNOSIS" at scale 3: well over a thousand ink pixels; the film itself is gray.
        Assert.InRange(yellow, 1000, 20000);
    }

    [Fact]
    public void Build_FilmLargerThanTheDefaultSide_LongSideScaledTo1024()
    {
        var dataset = Capture("UTF8"); // 2446 rows × 2010 columns

        Assert.Equal(1024, dataset.GetUInt16(DicomTags.Rows));
        Assert.Equal(841, dataset.GetUInt16(DicomTags.Columns));
        Assert.Equal(1024 * 841 * 3, ((DicomElement)dataset.GetItem(DicomTags.PixelData)).Length);
    }

    [Fact]
    public async Task Build_Saved_PydicomAndOurParserReadTheCapture()
    {
        var built = Capture("LATIN1");
        var path = _oracles.Write(built);

        const string script = """
            import sys, pydicom
            ds = pydicom.dcmread(sys.argv[1])
            print(ds.SOPClassUID, ds.Modality, ds.PhotometricInterpretation, ds.SamplesPerPixel, ds.PlanarConfiguration,
                  ds.BitsAllocated, ds.ConversionType, ds.BurnedInAnnotation, '\\'.join(ds.ImageType),
            """ + " len(ds.PixelData) == ds.Rows * ds.Columns * 3 + (ds.Rows * ds.Columns * 3) % 2,\n" + """
                  ds.SourceImageSequence[0].ReferencedSOPInstanceUID == sys.argv[2], ds.StudyInstanceUID == sys.argv[3])
            """;
        var result = (await PeerTools.RunPythonAsync(script, [path,
            built.GetSequence(DicomTags.SourceImageSequence).Items[0].GetString(DicomTags.ReferencedSOPInstanceUID),
            DocumentSamples.Open(DocumentSamples.Latin1Chest).GetString(DicomTags.StudyInstanceUID)])).EnsureSuccess("pydicom");
        var reopened = DicomFile.Open(path);

        Assert.Equal("1.2.840.10008.5.1.4.1.1.7 OT RGB 3 0 8 WSD YES DERIVED\\SECONDARY True True True", result.StandardOutput.Trim());
        Assert.Equal(DocumentSamples.ScInstanceUid, reopened.Dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal("01", reopened.Dataset.GetString(DicomTags.LossyImageCompression));
        Assert.Equal(
            ((DicomElement)built.GetItem(DicomTags.PixelData)).Buffer.GetMemory().ToArray(),
            ((DicomElement)reopened.Dataset.GetItem(DicomTags.PixelData)).Buffer.GetMemory().ToArray());
    }

    [Fact]
    public void Build_SameInputTwice_IdenticalPixels()
    {
        var first = ((DicomElement)Capture("PLAIN").GetItem(DicomTags.PixelData)).Buffer.GetMemory().ToArray();
        var second = ((DicomElement)Capture("PLAIN").GetItem(DicomTags.PixelData)).Buffer.GetMemory().ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_HeatmapOfWrongSize_Throws()
    {
        var file = DicomFile.Open(DocumentSamples.PlainChest);

        Assert.Throws<ArgumentException>(() => HeatmapSecondaryCaptureBuilder.Build(file, new InferenceHeatmap(64, 52, new byte[10]), [],
            DocumentSamples.ScSeriesUid, DocumentSamples.ScInstanceUid, 9901, 1, DocumentSamples.ContentTime, DocumentSamples.Algorithm));
    }

    internal static InferenceHeatmap HotSpot()
    {
        var values = new byte[64 * 52];
        for (var y = 0; y < 52; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var distance = Math.Sqrt(((x - 20) * (x - 20)) + ((y - 26) * (y - 26)));
                values[(y * 64) + x] = (byte)Math.Clamp(255 - (distance * 18), 0, 255);
            }
        }

        return new InferenceHeatmap(64, 52, values);
    }

    private static (int X, int Y) HotSpotIn(int width, int height) => ((int)(20.5 * width / 64), (int)(26.5 * height / 52));

    private static DicomDataset Capture(string sample)
    {
        var path = sample switch
        {
            "UTF8" => DocumentSamples.Utf8Chest,
            "LATIN1" => DocumentSamples.Latin1Chest,
            _ => DocumentSamples.PlainChest,
        };
        var file = DicomFile.Open(path);
        var image = DocumentSamples.CovidImage(file.Dataset);
        return HeatmapSecondaryCaptureBuilder.Build(
            file,
            HotSpot(),
            HeatmapCaption.Lines(image, TriagePriority.Urgent, DocumentSamples.Algorithm),
            DocumentSamples.ScSeriesUid, DocumentSamples.ScInstanceUid, 9901, 1, DocumentSamples.ContentTime, DocumentSamples.Algorithm);
    }

    public void Dispose() => _oracles.Dispose();
}
