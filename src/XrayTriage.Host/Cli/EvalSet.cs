using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;

namespace XrayTriage.Host.Cli;

/// <summary>The labelled images of an evaluation folder, class by class in label order, files sorted.</summary>
internal static class EvalSet
{
    public static IReadOnlyList<(string Path, int Label)>? Find(string folder, out string problem)
    {
        problem = "";
        if (!Directory.Exists(folder))
        {
            problem = $"{folder} is not a folder.";
            return null;
        }

        var labels = EnsembleLabels.All;
        var unknown = Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => !labels.Contains(n!)).ToList();
        if (unknown.Count > 0)
        {
            problem = $"{folder}: sub-folder(s) {string.Join(", ", unknown)} are not classes; expected {string.Join(", ", labels)}.";
            return null;
        }

        var images = labels
            .SelectMany((label, index) => Directory.Exists(Path.Combine(folder, label))
                ? Directory.GetFiles(Path.Combine(folder, label)).Order(StringComparer.Ordinal).Select(p => (p, index))
                : [])
            .ToList();
        if (images.Count == 0)
        {
            problem = $"{folder}: no images under {string.Join(", ", labels.Select(l => l + "/"))}.";
            return null;
        }

        return images;
    }
}
