namespace XrayTriage.Core.Pipeline;

/// <summary>The one table of a priority's wire name and rank. The database's rank columns are generated from
/// <see cref="Rank"/> (Persistence's <c>PriorityRankSql</c>), so C# and SQL cannot disagree.</summary>
public static class TriagePriorityNames
{
    /// <summary>The wire name of "no priority yet" (a study not triaged), in the API and the worklist filter.</summary>
    public const string Pending = "pending";

    /// <summary>Every priority, most urgent first.</summary>
    public static IReadOnlyList<TriagePriority> MostUrgentFirst { get; } =
        [TriagePriority.Urgent, TriagePriority.Routine, TriagePriority.NotAssessable];

    /// <summary>The wire name (<c>urgent</c>, <c>routine</c>, <c>not-assessable</c>) used in JSON, the API and reports.</summary>
    public static string ToWireName(this TriagePriority priority) => priority switch
    {
        TriagePriority.Urgent => "urgent",
        TriagePriority.Routine => "routine",
        TriagePriority.NotAssessable => "not-assessable",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown triage priority."),
    };

    /// <summary>The wire name, or <see cref="Pending"/> for none.</summary>
    public static string ToWireName(this TriagePriority? priority) => priority is { } p ? p.ToWireName() : Pending;

    /// <summary>A wire name to a priority; <see cref="Pending"/> is understood as none (true, null).</summary>
    public static bool TryParse(string? wireName, out TriagePriority? priority)
    {
        priority = null;
        foreach (var candidate in MostUrgentFirst)
        {
            if (candidate.ToWireName() == wireName)
            {
                priority = candidate;
                return true;
            }
        }

        return wireName == Pending;
    }

    /// <summary>Higher is more urgent: 3 urgent, 2 routine, 1 not assessable, 0 none (the database's
    /// <c>priority_rank</c> and <c>worklist_rank</c>).</summary>
    public static int Rank(TriagePriority? priority) => priority switch
    {
        TriagePriority.Urgent => 3,
        TriagePriority.Routine => 2,
        TriagePriority.NotAssessable => 1,
        _ => 0,
    };

    /// <summary>The priority of a rank computed by the database; null for 0 (none).</summary>
    public static TriagePriority? FromRank(int rank)
    {
        foreach (var candidate in MostUrgentFirst)
        {
            if (Rank(candidate) == rank)
            {
                return candidate;
            }
        }

        return null;
    }
}
