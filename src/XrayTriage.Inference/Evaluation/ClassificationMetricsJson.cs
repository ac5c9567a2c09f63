using System.Text;
using System.Text.Json;

namespace XrayTriage.Inference.Evaluation;

/// <summary>Writes <see cref="ClassificationMetrics"/> for one model in a stable shape that reports and the training
/// recipe compare:
/// <c>{"accuracy","balancedAccuracy","ece","confusionMatrix":[[…]],"perClass":{"&lt;label&gt;":{"sensitivity",
/// "specificity","precision","f1","auc"}}}</c> — camelCase, numbers as JSON numbers (shortest round-trip form),
/// null where a metric is undefined, labels in model order.</summary>
public static class ClassificationMetricsJson
{
    public static void Write(Utf8JsonWriter writer, ClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, metrics);
        writer.WriteEndObject();
    }

    /// <summary>The properties of <see cref="Write"/> without the braces, for a caller that adds its own
    /// (<c>xraytriage eval</c>'s <c>perSource</c>).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, ClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metrics);
        writer.WriteNumber("accuracy", metrics.Accuracy);
        WriteNumberOrNull(writer, "balancedAccuracy", metrics.BalancedAccuracy);
        writer.WriteNumber("ece", metrics.ExpectedCalibrationError);
        writer.WriteStartArray("confusionMatrix");
        foreach (var row in metrics.ConfusionMatrix)
        {
            writer.WriteStartArray();
            foreach (var count in row)
            {
                writer.WriteNumberValue(count);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("perClass");
        foreach (var perClass in metrics.PerClass)
        {
            writer.WriteStartObject(perClass.Label);
            WriteNumberOrNull(writer, "sensitivity", perClass.Sensitivity);
            WriteNumberOrNull(writer, "specificity", perClass.Specificity);
            WriteNumberOrNull(writer, "precision", perClass.Precision);
            WriteNumberOrNull(writer, "f1", perClass.F1);
            WriteNumberOrNull(writer, "auc", perClass.Auc);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The JSON text (UTF-8, optionally indented).</summary>
    public static string ToJson(ClassificationMetrics metrics, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, metrics);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
