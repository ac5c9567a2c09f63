using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>Writes a data set with our Part 10 writer (Explicit VR Little Endian) and asks the real tools about it.</summary>
internal sealed class DicomOracles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xraytriage-documents-").FullName;

    public string Write(DicomDataset dataset, string name = "object.dcm")
    {
        var path = Path.Combine(_folder, name);
        new DicomFile(dataset, TransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    /// <summary>dciodvfy's "Error" and "Warning" lines (it exits 0 either way).</summary>
    public static async Task<(List<string> Errors, List<string> Warnings, string Report)> DciodvfyAsync(string path)
    {
        var result = await PeerTools.RunAsync("dciodvfy", [path]);
        var report = result.StandardError + result.StandardOutput;
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ([.. lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal))],
                [.. lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal))],
                report);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
