namespace XrayTriage.Dicom.Benchmarks;

/// <summary>Locates the chest radiograph samples in the shared corpus beside the repository.</summary>
internal static class ChestSamples
{
    public static string[] Files()
    {
        var shared = Environment.GetEnvironmentVariable("XRAYTRIAGE_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XrayTriage.sln")))
            {
                dir = dir.Parent;
            }

            shared = dir is null ? "/work/shared" : Path.Combine(dir.FullName, "..", "shared");
        }

        return [.. Directory.GetFiles(Path.Combine(shared, "dicom-samples", "chest"), "*.dcm").Order(StringComparer.Ordinal)];
    }
}
