using System.Text.Json.Serialization;

namespace XrayTriage.Inference;

/// <summary>Worklist priority of a study. Wire names: <c>urgent</c>, <c>routine</c>, <c>not-assessable</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriagePriority>))]
public enum TriagePriority
{
    /// <summary>At least one finding's ensemble probability reached its threshold.</summary>
    [JsonStringEnumMemberName("urgent")]
    Urgent,

    /// <summary>No finding reached its threshold.</summary>
    [JsonStringEnumMemberName("routine")]
    Routine,

    /// <summary>The image is not eligible (not a chest radiograph, wrong view, unreadable): the caller decides, not the model.</summary>
    [JsonStringEnumMemberName("not-assessable")]
    NotAssessable,
}
