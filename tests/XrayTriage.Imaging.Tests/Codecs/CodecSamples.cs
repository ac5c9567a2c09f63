using XrayTriage.Dicom;
using XrayTriage.Imaging.Pixels;
using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Sample files, their first encoded frame, and DCMTK round trips through temporary files.</summary>
internal static class CodecSamples
{
    public static string PathOf(string sample) => Path.Combine(RepositoryPaths.DicomSamples, sample);

    /// <summary>Stored values of one frame through the whole decode path (registry, fragments, native reader).</summary>
    public static int[] Decode(string path, int frame = 0)
    {
        var file = DicomFile.Open(path);
        var geometry = PixelGeometry.FromDataset(file.Dataset, ImagingLimits.Default);
        return MonochromeImage.DecodeFrame(file, geometry, frame);
    }

    /// <summary>The fragments of frame 0 concatenated, as the registry hands them to a decoder.</summary>
    public static (byte[] Frame, PixelGeometry Geometry) EncodedFrame(string path)
    {
        var file = DicomFile.Open(path);
        var geometry = PixelGeometry.FromDataset(file.Dataset, ImagingLimits.Default);
        Assert.True(file.Dataset.TryGetItem(DicomTags.PixelData, out var item));
        var fragments = Assert.IsType<DicomFragmentSequence>(item);
        var parts = fragments.GetFrames(geometry.Frames)[0];
        var bytes = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.GetMemory().Span.CopyTo(bytes.AsSpan(offset));
            offset += (int)part.Length;
        }

        return (bytes, geometry);
    }

    /// <summary>Runs a DCMTK tool <c>tool [arguments] input output</c> and hands the output path to <paramref name="use"/>.</summary>
    public static Task<T> WithToolOutputAsync<T>(string tool, IEnumerable<string> arguments, string input, Func<string, T> use)
        => WithToolOutputAsync(tool, arguments, input, p => Task.FromResult(use(p)));

    public static async Task<T> WithToolOutputAsync<T>(string tool, IEnumerable<string> arguments, string input, Func<string, Task<T>> use)
    {
        var output = Path.Combine(Path.GetTempPath(), $"xraytriage-codec-{Guid.NewGuid():N}.dcm");
        try
        {
            var result = await PeerTools.RunAsync(tool, [.. arguments, input, output], TimeSpan.FromMinutes(1));
            result.EnsureSuccess(tool);
            return await use(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    public static void AssertSame(int[] expected, int[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var differing = 0;
        var first = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                differing++;
                first = first < 0 ? i : first;
            }
        }

        Assert.True(differing == 0,
            $"{what}: {differing} of {expected.Length} values differ; "
            + $"first at {first}: expected {(first < 0 ? 0 : expected[first])}, got {(first < 0 ? 0 : actual[first])}.");
    }

    public static int MaxDifference(int[] expected, int[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        return worst;
    }
}
