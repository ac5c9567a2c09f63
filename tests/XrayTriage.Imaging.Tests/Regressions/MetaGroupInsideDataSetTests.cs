using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 9: a data set carrying a second group 0002 over encapsulated pixels was reported as
/// "Unsupported transfer syntax: Explicit VR Little Endian": the stale inner Transfer Syntax UID overrode the meta
/// header's. The meta header now ends at its group length (PS3.10 §7.1), the inner group stays in the data set (as
/// DCMTK shows it: "Invalid Element (0002,0010) found in data set"), and fragments under a native syntax are
/// reported as what they are.</summary>
public sealed class MetaGroupInsideDataSetTests
{
    private const string Script = PydicomFile.Preamble + """
        from pydicom.encaps import encapsulate
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.7", "{meta}")
        ds.Modality = "OT"
        ds.Rows, ds.Columns = 8, 8
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 8, 8, 7
        ds.PixelRepresentation = 0
        ds.add_new(0x00030010, "UI", "{inner}")
        ds.PixelData = encapsulate([b"\xff\xd8\xff\xd9"])
        ds["PixelData"].VR = "OB"
        save(ds)

        # pydicom refuses group 0002 in a data set and writes a defined length under a native syntax: patch both,
        # (0003,0010) into (0002,0010) and the Pixel Data into an undefined-length fragment sequence.
        data = open(sys.argv[1], "rb").read()
        at = data.index(b"\x03\x00\x10\x00UI", 132)
        data = data[:at] + b"\x02" + data[at + 1:]
        at = data.rindex(b"\xe0\x7f\x10\x00OB\x00\x00")
        if data[at + 8:at + 12] != b"\xff\xff\xff\xff":
            data = data[:at + 8] + b"\xff\xff\xff\xff" + data[at + 12:] + b"\xfe\xff\xdd\xe0\x00\x00\x00\x00"
        open(sys.argv[1], "wb").write(data)
        """;

    private const string Native = "1.2.840.10008.1.2.1";
    private const string Jpeg = "1.2.840.10008.1.2.4.50";

    [Fact]
    public async Task Render_FragmentsUnderNativeSyntaxWithGroup0002InDataSet_SaysSo()
    {
        var path = await CreateAsync(meta: Native, inner: Jpeg);
        try
        {
            var file = DicomFile.Open(path);

            var error = Assert.Throws<ImagingException>(() => MonochromeImage.Render(file));

            Assert.StartsWith(
                "Pixel Data is encapsulated (fragments), but the transfer syntax Explicit VR Little Endian",
                error.Message,
                StringComparison.Ordinal);
            Assert.Contains(
                "second File Meta Information group (0002,xxxx), whose Transfer Syntax UID is 1.2.840.10008.1.2.4.50",
                error.Message,
                StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Open_SecondGroup0002AfterTheMetaGroupLength_DoesNotOverrideTheTransferSyntax()
    {
        var path = await CreateAsync(meta: Jpeg, inner: Native);
        try
        {
            var file = DicomFile.Open(path);

            Assert.Equal(Jpeg, file.TransferSyntax.Uid.Value);
            Assert.Equal(Jpeg, file.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
            Assert.Equal(Native, file.Dataset.GetString(DicomTags.TransferSyntaxUID));
            var error = Assert.Throws<ImagingException>(() => MonochromeImage.Render(file));
            Assert.StartsWith("JPEG:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<string> CreateAsync(string meta, string inner)
        => PydicomFile.CreateAsync(Script
            .Replace("{meta}", meta, StringComparison.Ordinal)
            .Replace("{inner}", inner, StringComparison.Ordinal));
}
