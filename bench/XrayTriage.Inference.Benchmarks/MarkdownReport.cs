using System.Globalization;

namespace XrayTriage.Inference.Benchmarks;

/// <summary>The results as a markdown table plus the two numbers the issue asks about: engine overhead over the bare
/// sessions and the batching gain.</summary>
internal static class MarkdownReport
{
    public static void Write(TextWriter writer, IReadOnlyList<ModeResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(
            "| batch | mode | ms per call, median [p25–p75] | ms per image | images/s " +
            "| vs bare, paired median [p25–p75] |");
        writer.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var versus = r.Mode == BenchmarkMode.Bare
                ? "—"
                : string.Format(
                    c,
                    "{0:+0.0;−0.0} % [{1:+0.0;−0.0} – {2:+0.0;−0.0}]",
                    r.OverheadPercent,
                    r.OverheadP25Percent,
                    r.OverheadP75Percent);
            writer.WriteLine(string.Format(
                c,
                "| {0} | {1} | {2:F1} [{3:F1}–{4:F1}] | {5:F2} | {6:F1} | {7} |",
                r.Batch,
                r.Mode,
                r.MedianMs,
                r.P25Ms,
                r.P75Ms,
                r.MsPerImage,
                r.ImagesPerSecond,
                versus));
        }

        writer.WriteLine();
        foreach (var batch in results.Select(r => r.Batch).Distinct())
        {
            var engine = results.Single(r => r.Batch == batch && r.Mode == BenchmarkMode.Engine);
            writer.WriteLine(string.Format(
                c,
                "- batch {0}: engine overhead over bare {1:+0.0;−0.0} % ({2} rounds){3}",
                batch,
                engine.OverheadPercent,
                engine.Seconds.Count,
                engine.OverheadPercent <= 5 ? " — within the 5 % goal" : " — above the 5 % goal"));
        }

        foreach (var batch in results.Select(r => r.Batch).Distinct())
        {
            var engine = results.Single(r => r.Batch == batch && r.Mode == BenchmarkMode.Engine);
            if (results.SingleOrDefault(r => r.Batch == batch && r.Mode == BenchmarkMode.EngineWithoutGate) is not { } ungated)
            {
                continue;
            }

            // Both ran in the same rounds: pair them round by round, like the ratios to bare.
            var ratios = engine.Seconds.Zip(ungated.Seconds, (with, without) => with / without).ToList();
            var cost = (Statistics.Quantile(ratios, 0.5) - 1) * 100;
            writer.WriteLine(string.Format(
                c,
                "- batch {0}: content gate cost (engine vs the same engine with the gate off, paired) " +
                    "{1:+0.0;−0.0} % [{2:+0.0;−0.0} – {3:+0.0;−0.0}]{4}",
                batch,
                cost,
                (Statistics.Quantile(ratios, 0.25) - 1) * 100,
                (Statistics.Quantile(ratios, 0.75) - 1) * 100,
                cost <= 5 ? " — within the 5 % goal" : " — above the 5 % goal"));
        }

        foreach (var mode in new[] { BenchmarkMode.Bare, BenchmarkMode.Engine, BenchmarkMode.Batcher })
        {
            var one = results.SingleOrDefault(r => r.Batch == 1 && r.Mode == mode);
            if (one is null)
            {
                continue;
            }

            var gains = results.Where(r => r.Mode == mode && r.Batch > 1)
                .Select(r => string.Format(c, "{0:F2}× at {1}", r.ImagesPerSecond / one.ImagesPerSecond, r.Batch));
            writer.WriteLine($"- throughput vs batch 1, {mode}: {string.Join(", ", gains)}");
        }
    }
}
