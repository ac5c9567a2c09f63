namespace XrayTriage.Inference;

public static class TriagePriorityNames
{
    /// <summary>The wire name (<c>urgent</c>, <c>routine</c>, <c>not-assessable</c>) used in JSON, the database and reports.</summary>
    public static string ToWireName(this TriagePriority priority) => priority switch
    {
        TriagePriority.Urgent => "urgent",
        TriagePriority.Routine => "routine",
        TriagePriority.NotAssessable => "not-assessable",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown triage priority."),
    };

    public static TriagePriority Parse(string wireName) => wireName switch
    {
        "urgent" => TriagePriority.Urgent,
        "routine" => TriagePriority.Routine,
        "not-assessable" => TriagePriority.NotAssessable,
        _ => throw new FormatException($"'{wireName}' is not a triage priority (urgent, routine, not-assessable)."),
    };
}
