namespace XrayTriage.Persistence.Configurations;

/// <summary>The order urgent &gt; routine &gt; not assessable &gt; none as SQL, shared by the computed column and the queue.</summary>
internal static class PriorityRankSql
{
    public const int NotAssessable = 1;

    public static string Of(string expression) =>
        $"(CASE {expression} WHEN 'Urgent' THEN 3 WHEN 'Routine' THEN 2 WHEN 'NotAssessable' THEN 1 ELSE 0 END)::smallint";
}
