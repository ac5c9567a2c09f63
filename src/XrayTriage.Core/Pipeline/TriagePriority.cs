using System.Text.Json.Serialization;

namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Priority of an image or a study: what the triage policy decides, what is persisted (as the member name, e.g.
/// <c>Urgent</c>) and what the worklist sorts by. A study takes the highest priority among its images:
/// <see cref="Urgent"/> over <see cref="Routine"/> over <see cref="NotAssessable"/> (see <see cref="TriagePriorityNames.Rank"/>).
/// Wire names (JSON, API, filters): <c>urgent</c>, <c>routine</c>, <c>not-assessable</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriagePriority>))]
public enum TriagePriority
{
    /// <summary>At least one finding's ensemble probability reached its threshold.</summary>
    [JsonStringEnumMemberName("urgent")]
    Urgent,

    /// <summary>No finding reached its threshold.</summary>
    [JsonStringEnumMemberName("routine")]
    Routine,

    /// <summary>The image is not eligible (not a chest radiograph, wrong view, unreadable) or could not be triaged after
    /// every attempt: the caller decides, not the model.</summary>
    [JsonStringEnumMemberName("not-assessable")]
    NotAssessable,
}
