using BenchmarkDotNet.Attributes;
using XrayTriage.Dicom.IO;

namespace XrayTriage.Dicom.Benchmarks;

/// <summary>Parses all six chest samples per operation: header only, full from file (pixel data lazy), full from memory.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParseBenchmarks
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopBeforePixelData = true };
    private string[] _files = [];
    private byte[][] _bytes = [];

    /// <summary>Total bytes of the six files (for MB/s).</summary>
    public long TotalBytes { get; private set; }

    /// <summary>Loads the file list and their bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _files = ChestSamples.Files();
        _bytes = [.. _files.Select(File.ReadAllBytes)];
        TotalBytes = _bytes.Sum(b => (long)b.Length);
    }

    /// <summary>Header parse (stop before Pixel Data) of every file from disk, like pydicom's stop_before_pixels.</summary>
    /// <returns>Elements read, so the work is not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public int HeaderParseFromFile()
    {
        var count = 0;
        foreach (var file in _files)
        {
            count += DicomFile.Open(file, HeaderOnly).Dataset.Count;
        }

        return count;
    }

    /// <summary>Full parse from disk; Pixel Data stays in the file (lazy).</summary>
    /// <returns>Elements read.</returns>
    [Benchmark]
    public int FullParseFromFile()
    {
        var count = 0;
        foreach (var file in _files)
        {
            count += DicomFile.Open(file).Dataset.Count;
        }

        return count;
    }

    /// <summary>Full parse from memory, Pixel Data copied into the data set.</summary>
    /// <returns>Elements read.</returns>
    [Benchmark]
    public int FullParseFromMemory()
    {
        var count = 0;
        foreach (var bytes in _bytes)
        {
            count += DicomReader.ReadFile(bytes).Dataset.Count;
        }

        return count;
    }
}
