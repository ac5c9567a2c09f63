using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>A native film without a window (most DX and many CR films) used to take the general path: one int per
/// pixel (256 MB for an 8192² film) before the histogram. The single-table path now computes the automatic window
/// from a histogram of the raw words: the same picture, without that array.</summary>
public sealed class AutoWindowWithoutStoredArrayTests
{
    public static TheoryData<string> NativeMonochromeSamples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in RenderExpectations.AllSamples().Where(s => !RenderExpectations.NotRendered.ContainsKey(s)))
        {
            var file = DicomFile.Open(
                Path.Combine(RepositoryPaths.DicomSamples, sample), new DicomReaderOptions { StopBeforePixelData = true });
            var photometric = file.Dataset.TryGetString(DicomTags.PhotometricInterpretation, out var p) ? p.Trim() : "";
            var bits = file.Dataset.TryGetInt32(DicomTags.BitsAllocated, out var b) ? b : 0;
            if (!file.TransferSyntax.IsEncapsulated
                && photometric.StartsWith("MONOCHROME", StringComparison.Ordinal)
                && bits is 8 or 16)
            {
                data.Add(sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NativeMonochromeSamples))]
    public void Render_AutomaticWindow_IdenticalToTheStoredValuePath(string sample)
    {
        var file = DicomFile.Open(Path.Combine(RepositoryPaths.DicomSamples, sample));
        var options = RenderOptions.Default with { ForceAutoWindow = true };
        var dataset = FunctionalGroups.ForFrame(file.Dataset, 0);
        var geometry = PixelGeometry.FromDataset(dataset, ImagingLimits.Default);

        var packed = MonochromeImage.Render(file, options);
        var general = GrayscaleRenderer.Render(dataset, geometry, MonochromeImage.DecodeFrame(file, geometry, 0), options);

        Assert.Equal(general.Window, packed.Window);
        Assert.Equal(general.Notes, packed.Notes);
        Assert.True(general.Pixels.AsSpan().SequenceEqual(packed.Pixels), $"{sample}: the pictures differ");
    }

    [Fact]
    public void Render_LargeFilmWithoutWindow_AllocatesNoIntPerPixel()
    {
        const int side = 4096;
        var pixels = new byte[side * side * 2];
        var random = new Random(7);
        for (var i = 0; i < pixels.Length; i += 2)
        {
            BitConverter.TryWriteBytes(pixels.AsSpan(i), (ushort)random.Next(200, 3800));
        }

        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.1.1")
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.4096")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "DX")
            .AddOrUpdate(DicomTags.SamplesPerPixel, (ushort)1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, (ushort)side)
            .AddOrUpdate(DicomTags.Columns, (ushort)side)
            .AddOrUpdate(DicomTags.BitsAllocated, (ushort)16)
            .AddOrUpdate(DicomTags.BitsStored, (ushort)12)
            .AddOrUpdate(DicomTags.HighBit, (ushort)11)
            .AddOrUpdate(DicomTags.PixelRepresentation, (ushort)0)
            .AddOrUpdate(DicomTags.PixelData, DicomVR.OW, pixels);
        var file = new DicomFile(dataset, TransferSyntax.ExplicitVRLittleEndian);
        MonochromeImage.Render(file); // JIT and static tables first

        var before = GC.GetAllocatedBytesForCurrentThread();
        var image = MonochromeImage.Render(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.StartsWith("auto", image.Window, StringComparison.Ordinal);
        // The display image (1 byte per pixel) and small tables; an int per pixel would add 64 MiB here.
        Assert.True(allocated < (long)side * side * 2, $"rendering allocated {allocated / (1 << 20)} MiB for a {side}² film");
    }
}
