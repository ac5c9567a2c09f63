using System.Globalization;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary>The per-source table of <c>xraytriage eval --labels</c>: one row per source and class with n, accuracy
/// and the films triaged as their class asks (normal left routine, findings flagged urgent); the source's
/// abnormal-vs-normal AUC on its first row ("–" unless it has both).</summary>
internal static class EvalSourceReport
{
    public static void Print(TextWriter stdout, string title, IReadOnlyList<SourceMetrics> sources)
    {
        var width = Math.Max("source".Length, sources.Max(s => s.Source.Length));
        stdout.WriteLine($"{title} by source:");
        stdout.WriteLine($"  {"source".PadRight(width)} {"class",-16} {"n",5} {"accuracy",8}  {"triaged as expected",-22} {"AUC",6}");
        foreach (var source in sources)
        {
            for (var r = 0; r < source.Classes.Count; r++)
            {
                var row = source.Classes[r];
                var triaged = $"{row.ExpectedPriority.ToWireName()} {row.TriagedAsExpected}/{row.Count}";
                var auc = r == 0 ? EvalText.Number(source.Auc) : "";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(r == 0 ? source.Source : "").PadRight(width)} {row.Label,-16} " +
                    $"{row.Count,5} {row.Accuracy,8:0.000}  {triaged,-22} {auc,6}"));
            }
        }
    }
}
