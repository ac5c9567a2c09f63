namespace XrayTriage.Web.Data;

internal enum PriorityActionResult
{
    Done,
    NotFound,

    /// <summary>The requested priority is not above the current one: priorities are only raised.</summary>
    NotHigher,

    /// <summary>Someone else changed the study meanwhile; reload and try again.</summary>
    Conflict,
}
