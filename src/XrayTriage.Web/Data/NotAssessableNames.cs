using System.Globalization;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Web.Data;

/// <summary>How the pages name a content-gate reason: "not a chest radiograph", "blank image".</summary>
internal static class NotAssessableNames
{
    public static string Of(NotAssessableReason reason) => reason switch
    {
        NotAssessableReason.NotChestRadiograph => "not a chest radiograph",
        NotAssessableReason.BlankImage => "blank image",
        _ => reason.ToString(),
    };

    /// <summary>"not a chest radiograph (content gate score 2311.4 &gt; threshold 1630.2)".</summary>
    public static string Detail(NotAssessableReason reason, double? score, double? threshold) => reason switch
    {
        NotAssessableReason.NotChestRadiograph => string.Create(CultureInfo.InvariantCulture,
            $"{Of(reason)} (content gate score {score:0.#} > threshold {threshold:0.#})"),
        NotAssessableReason.BlankImage => string.Create(CultureInfo.InvariantCulture,
            $"{Of(reason)} (grey-level range {score:0} < {threshold:0})"),
        _ => Of(reason),
    };

    public static List<string> Distinct(IEnumerable<NotAssessableReason?> reasons)
        => [.. reasons.OfType<NotAssessableReason>().Distinct().Order().Select(Of)];
}
