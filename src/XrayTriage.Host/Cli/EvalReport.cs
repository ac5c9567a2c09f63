using System.Globalization;
using System.Text;
using System.Text.Json;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary>Text and JSON output of <c>xraytriage eval</c>. The JSON shape is a stable contract:
/// <c>{"ensemble": {…}, "members": {"&lt;name&gt;": {…}}, "images": N}</c>, each object as
/// <see cref="ClassificationMetricsJson"/> writes it.</summary>
internal static class EvalReport
{
    public static void Print(TextWriter stdout, string title, ClassificationMetrics metrics)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c,
            $"{title}: accuracy {metrics.Accuracy:0.0000}, balanced accuracy {F(metrics.BalancedAccuracy)}, ECE {metrics.ExpectedCalibrationError:0.0000} ({metrics.Count} images)"));
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

    public static string Json(IReadOnlyList<(string Name, ClassificationMetrics Metrics)> results, int images)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("ensemble");
            ClassificationMetricsJson.Write(writer, results[0].Metrics);
            writer.WriteStartObject("members");
            foreach (var (name, metrics) in results.Skip(1))
            {
                writer.WritePropertyName(name);
                ClassificationMetricsJson.Write(writer, metrics);
            }

            writer.WriteEndObject();
            writer.WriteNumber("images", images);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Short(string label) => label.Length <= 7 ? label : label[..7];
}
