namespace XrayTriage.Imaging.Benchmarks;

/// <summary>The files measured: the chest samples of the shared corpus and a synthetic 2,000 × 2,500 16-bit CR
/// (made by <c>make-cr</c>; the corpus has no full-size uncompressed chest film).</summary>
internal static class BenchmarkFiles
{
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("XRAYTRIAGE_SHARED");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XrayTriage.sln")))
            {
                dir = dir.Parent;
            }

            return dir is null ? "/work/shared" : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
    }

    public static string SyntheticCr => Path.Combine(Path.GetTempPath(), "xraytriage-bench-cr-2000x2500-u16.dcm");

    public static IEnumerable<string> All()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Shared, "dicom-samples", "chest"), "*.dcm").Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        yield return SyntheticCr;
    }
}
