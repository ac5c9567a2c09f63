using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Configurations;

/// <summary><see cref="TriagePriorityNames.Rank"/> as SQL over a priority column (stored as the member name), shared by
/// the computed columns and the queue: <c>(CASE x WHEN 'Urgent' THEN 3 WHEN 'Routine' THEN 2 WHEN 'NotAssessable' THEN 1
/// ELSE 0 END)::smallint</c>. The text is part of the model (migrations compare it), so it must stay exactly this.</summary>
internal static class PriorityRankSql
{
    public static int NotAssessable { get; } = TriagePriorityNames.Rank(TriagePriority.NotAssessable);

    private static readonly string Cases = string.Concat(TriagePriorityNames.MostUrgentFirst.Select(
        p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $" WHEN '{p}' THEN {TriagePriorityNames.Rank(p)}")));

    public static string Of(string expression) => $"(CASE {expression}{Cases} ELSE 0 END)::smallint";
}
