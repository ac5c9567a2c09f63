using XrayTriage.Core.Pipeline;

namespace XrayTriage.Web.Data;

/// <summary>Wire names of priorities in the pages, the API and filters.</summary>
internal static class PriorityNames
{
    public const string Pending = "pending";

    public static string Of(WorklistPriority? priority) => priority switch
    {
        WorklistPriority.Urgent => "urgent",
        WorklistPriority.Routine => "routine",
        WorklistPriority.NotAssessable => "not-assessable",
        _ => Pending,
    };

    public static bool TryParse(string? name, out WorklistPriority? priority)
    {
        priority = name switch
        {
            "urgent" => WorklistPriority.Urgent,
            "routine" => WorklistPriority.Routine,
            "not-assessable" => WorklistPriority.NotAssessable,
            _ => null,
        };
        return priority is not null || name == Pending;
    }

    /// <summary>Higher is more urgent; the order the worklist sorts by.</summary>
    public static int Rank(WorklistPriority? priority) => priority switch
    {
        WorklistPriority.Urgent => 3,
        WorklistPriority.Routine => 2,
        WorklistPriority.NotAssessable => 1,
        _ => 0,
    };
}
