using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>The shared sample corpus (never copied into the repository), addressed by path relative to it.</summary>
public static class CorpusFiles
{
    public static IReadOnlyList<string> All()
        => [.. Directory.GetFiles(RepositoryPaths.DicomSamples, "*.dcm", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.DicomSamples, f))
            .Order(StringComparer.Ordinal)];

    public static string FullPath(string relative) => Path.Combine(RepositoryPaths.DicomSamples, relative);

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var file in All())
        {
            data.Add(file);
        }

        return data;
    }
}
