using System.Text.Json;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Tests;

public sealed class TriagePolicyTests
{
    private static readonly TriagePolicy Policy = new(new Dictionary<string, double>
    {
        ["covid19"] = 0.3,
        ["viral_pneumonia"] = 0.4,
        ["lung_opacity"] = 0.5,
    });

    [Fact]
    public void Evaluate_NoFindingAtThreshold_IsRoutine()
    {
        var decision = Policy.Evaluate([0.1, 0.29, 0.39, 0.22]);

        Assert.Equal(TriagePriority.Routine, decision.Priority);
        Assert.Empty(decision.FindingsOverThreshold);
    }

    [Fact]
    public void Evaluate_FindingExactlyAtThreshold_IsUrgent()
    {
        var decision = Policy.Evaluate([0.2, 0.3, 0.0, 0.5]);

        Assert.Equal(TriagePriority.Urgent, decision.Priority);
        Assert.Equal(["covid19", "lung_opacity"], decision.FindingsOverThreshold);
    }

    [Fact]
    public void Evaluate_NormalHighButFindingOverThreshold_IsStillUrgent()
    {
        var decision = Policy.Evaluate([0.55, 0.0, 0.45, 0.0]);

        Assert.Equal(TriagePriority.Urgent, decision.Priority);
        Assert.Equal(["viral_pneumonia"], decision.FindingsOverThreshold);
    }

    [Fact]
    public void Constructor_FindingWithoutThreshold_Throws()
        => Assert.Throws<ArgumentException>(() => new TriagePolicy(new Dictionary<string, double> { ["covid19"] = 0.3 }));

    [Theory]
    [InlineData(TriagePriority.Urgent, "urgent")]
    [InlineData(TriagePriority.Routine, "routine")]
    [InlineData(TriagePriority.NotAssessable, "not-assessable")]
    public void TriagePriority_WireNames_RoundTrip(TriagePriority priority, string wireName)
    {
        Assert.Equal(wireName, priority.ToWireName());
        Assert.True(TriagePriorityNames.TryParse(wireName, out var parsed));
        Assert.Equal(priority, parsed);
        Assert.Equal($"\"{wireName}\"", JsonSerializer.Serialize(priority));
        Assert.Equal(priority, JsonSerializer.Deserialize<TriagePriority>($"\"{wireName}\""));
    }
}
