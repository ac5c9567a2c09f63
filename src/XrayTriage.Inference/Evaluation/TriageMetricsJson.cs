using System.Text.Json;

namespace XrayTriage.Inference.Evaluation;

/// <summary>Writes <see cref="TriageMetrics"/> as
/// <c>{"auc":{"value","low","high"},"abnormalFlagged":{"value","low","high","n","of"},"normalRoutine":{…},
/// "thresholds":{"&lt;finding&gt;":t},"resamples","seed","level"}</c>; a value that is undefined is null.</summary>
public static class TriageMetricsJson
{
    public static void Write(Utf8JsonWriter writer, TriageMetrics triage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(triage);
        writer.WriteStartObject();
        writer.WriteStartObject("auc");
        WriteEstimate(writer, triage.Auc);
        writer.WriteEndObject();
        WriteShare(writer, "abnormalFlagged", triage.AbnormalFlagged);
        WriteShare(writer, "normalRoutine", triage.NormalRoutine);
        writer.WriteStartObject("thresholds");
        foreach (var (finding, threshold) in triage.Thresholds)
        {
            writer.WriteNumber(finding, threshold);
        }

        writer.WriteEndObject();
        writer.WriteNumber("resamples", triage.Resamples);
        writer.WriteNumber("seed", triage.Seed);
        writer.WriteNumber("level", PercentileBootstrap.Level);
        writer.WriteEndObject();
    }

    private static void WriteShare(Utf8JsonWriter writer, string name, ShareEstimate share)
    {
        writer.WriteStartObject(name);
        WriteEstimate(writer, share.Estimate);
        writer.WriteNumber("n", share.Count);
        writer.WriteNumber("of", share.Of);
        writer.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter writer, IntervalEstimate estimate)
    {
        ClassificationMetricsJson.WriteNumberOrNull(writer, "value", estimate.Value);
        ClassificationMetricsJson.WriteNumberOrNull(writer, "low", estimate.Low);
        ClassificationMetricsJson.WriteNumberOrNull(writer, "high", estimate.High);
    }
}
