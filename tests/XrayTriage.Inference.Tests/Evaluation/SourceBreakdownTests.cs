using XrayTriage.Core.Pipeline;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class SourceBreakdownTests
{
    // Films of TriageSets: 0–2 normal, 3 covid19, 4 viral_pneumonia, 5 lung_opacity, 6 covid19.
    private static readonly string[] Sources =
        ["b/mixed", "b/mixed", SourceBreakdown.Unlisted, "a/abnormal", "b/mixed", "a/abnormal", "b/mixed"];

    [Fact]
    public void Compute_HandBuiltSources_OrdinalOrderUnlistedLast()
    {
        var sources = SourceBreakdown.Compute(TriageSets.Truth, TriageSets.Probabilities, Sources, TriageSets.Policy);

        Assert.Equal(["a/abnormal", "b/mixed", SourceBreakdown.Unlisted], sources.Select(s => s.Source));
        Assert.Equal([2, 4, 1], sources.Select(s => s.Count));
    }

    [Fact]
    public void Compute_SourceWithNormalsAndAbnormals_RowsPerClassAndAuc()
    {
        // b/mixed: normal films 0 (routine, right) and 1 (urgent, right by argmax), viral_pneumonia film 4 (routine,
        // argmax normal), covid19 film 6 (routine, argmax normal). AUC: abnormal 0.3 vs normal 0.1, 0.4 → 1 of 2;
        // abnormal 0.4 vs 0.1, 0.4 → 1.5 of 2; so 2.5 / 4.
        var mixed = SourceBreakdown.Compute(TriageSets.Truth, TriageSets.Probabilities, Sources, TriageSets.Policy)[1];

        Assert.Equal(0.5, mixed.Accuracy);
        Assert.Equal(0.625, mixed.Auc);
        Assert.Equal(
            [
                new SourceClassMetrics("normal", 2, 2, TriagePriority.Routine, 1),
                new SourceClassMetrics("covid19", 1, 0, TriagePriority.Urgent, 0),
                new SourceClassMetrics("viral_pneumonia", 1, 0, TriagePriority.Urgent, 0),
            ],
            mixed.Classes);
    }

    [Fact]
    public void Compute_SourceWithoutNormals_AucIsNullAndAbnormalRowsCountUrgent()
    {
        var abnormal = SourceBreakdown.Compute(TriageSets.Truth, TriageSets.Probabilities, Sources, TriageSets.Policy)[0];

        Assert.Null(abnormal.Auc);
        Assert.Equal(1.0, abnormal.Accuracy);
        Assert.Equal(
            [
                new SourceClassMetrics("covid19", 1, 1, TriagePriority.Urgent, 1),
                new SourceClassMetrics("lung_opacity", 1, 1, TriagePriority.Urgent, 1),
            ],
            abnormal.Classes);
    }

    [Fact]
    public void Compute_MissingSource_Throws()
    {
        var sources = Sources.ToArray();
        sources[3] = "";

        Assert.Throws<ArgumentException>(
            () => SourceBreakdown.Compute(TriageSets.Truth, TriageSets.Probabilities, sources, TriageSets.Policy));
    }
}
