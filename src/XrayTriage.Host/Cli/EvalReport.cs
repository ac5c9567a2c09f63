using System.Globalization;
using System.Text;
using System.Text.Json;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary>Text and JSON output of <c>xraytriage eval</c>. The JSON shape is a stable contract:
/// <c>{"ensemble": {…}, "members": {"&lt;name&gt;": {…}}, "images": N, "triage": {…}}</c>, each model object as
/// <see cref="ClassificationMetricsJson"/> writes it (plus <c>perSource</c> and a root <c>labels</c> with
/// <c>--labels</c>); keys are only ever added.</summary>
internal static class EvalReport
{
    public static void Print(TextWriter stdout, string title, ClassificationMetrics metrics)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c,
            $"{title}: accuracy {metrics.Accuracy:0.0000}, balanced accuracy {F(metrics.BalancedAccuracy)}, " +
            $"ECE {metrics.ExpectedCalibrationError:0.0000} ({metrics.Count} images)"));
        stdout.WriteLine($"  {"class",-16} {"sens",6} {"spec",6} {"prec",6} {"F1",6} {"AUC",6}");
        foreach (var k in metrics.PerClass)
        {
            stdout.WriteLine($"  {k.Label,-16} {F(k.Sensitivity),6} {F(k.Specificity),6} {F(k.Precision),6} {F(k.F1),6} {F(k.Auc),6}");
        }

        var header = new StringBuilder("  truth \\ predicted ");
        foreach (var label in metrics.Labels)
        {
            header.Append(CultureInfo.InvariantCulture, $"{Short(label),8}");
        }

        stdout.WriteLine(header.ToString());
        for (var t = 0; t < metrics.Labels.Count; t++)
        {
            var row = new StringBuilder($"  {metrics.Labels[t],-17} ");
            foreach (var count in metrics.ConfusionMatrix[t])
            {
                row.Append(CultureInfo.InvariantCulture, $"{count,8}");
            }

            stdout.WriteLine(row.ToString());
        }
    }

    /// <summary>With <paramref name="perSource"/> (one list per entry of <paramref name="results"/>, from
    /// <c>--labels</c>) each model object also gets <c>"perSource": […]</c> (<see cref="SourceMetricsJson"/>) and the
    /// root a <c>"labels"</c> summary; <c>"triage"</c> (<see cref="TriageMetricsJson"/>) is always written.</summary>
    public static string Json(
        IReadOnlyList<(string Name, ClassificationMetrics Metrics)> results,
        int images,
        TriageMetrics triage,
        IReadOnlyList<IReadOnlyList<SourceMetrics>>? perSource = null,
        (string Path, EvalSourceMatch Match)? labels = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("ensemble");
            WriteModel(writer, results[0].Metrics, perSource?[0]);
            writer.WriteStartObject("members");
            for (var i = 1; i < results.Count; i++)
            {
                writer.WritePropertyName(results[i].Name);
                WriteModel(writer, results[i].Metrics, perSource?[i]);
            }

            writer.WriteEndObject();
            writer.WriteNumber("images", images);
            writer.WritePropertyName("triage");
            TriageMetricsJson.Write(writer, triage);
            if (labels is { } summary)
            {
                writer.WriteStartObject("labels");
                writer.WriteString("file", summary.Path);
                writer.WriteNumber("byPath", summary.Match.ByPath);
                writer.WriteNumber("byHash", summary.Match.ByHash);
                writer.WriteNumber("unlisted", summary.Match.Unlisted);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteModel(Utf8JsonWriter writer, ClassificationMetrics metrics, IReadOnlyList<SourceMetrics>? perSource)
    {
        writer.WriteStartObject();
        ClassificationMetricsJson.WriteProperties(writer, metrics);
        if (perSource is not null)
        {
            writer.WritePropertyName("perSource");
            SourceMetricsJson.Write(writer, perSource);
        }

        writer.WriteEndObject();
    }

    private static string F(double? value) => EvalText.Number(value);

    private static string Short(string label) => label.Length <= 7 ? label : label[..7];
}
