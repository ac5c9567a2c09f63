using System.Text.Json;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Evaluation;

/// <summary>Writes a <see cref="SourceBreakdown"/> as an array of
/// <c>{"source","images","accuracy","auc","classes":[{"class","n","correct","accuracy","routine"|"urgent":{"n","of"}}]}</c>:
/// a normal class reports the films left <c>routine</c>, a finding class those flagged <c>urgent</c>; <c>auc</c>
/// (abnormal vs normal inside the source) is null unless the source has both.</summary>
public static class SourceMetricsJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<SourceMetrics> sources)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sources);
        writer.WriteStartArray();
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("source", source.Source);
            writer.WriteNumber("images", source.Count);
            writer.WriteNumber("accuracy", source.Accuracy);
            ClassificationMetricsJson.WriteNumberOrNull(writer, "auc", source.Auc);
            writer.WriteStartArray("classes");
            foreach (var row in source.Classes)
            {
                writer.WriteStartObject();
                writer.WriteString("class", row.Label);
                writer.WriteNumber("n", row.Count);
                writer.WriteNumber("correct", row.Correct);
                writer.WriteNumber("accuracy", row.Accuracy);
                writer.WriteStartObject(row.ExpectedPriority.ToWireName());
                writer.WriteNumber("n", row.TriagedAsExpected);
                writer.WriteNumber("of", row.Count);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
