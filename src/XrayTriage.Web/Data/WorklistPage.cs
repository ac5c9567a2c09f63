namespace XrayTriage.Web.Data;

/// <summary>One page of the worklist and how many studies match the filters.</summary>
internal sealed record WorklistPage(int Total, int Skip, int Take, IReadOnlyList<WorklistItem> Items);
