using System.Net.Http.Json;
using System.Text.Json.Nodes;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>What the PACS holds, asked through Orthanc's REST API the way an integrator would.</summary>
internal static class OrthancQueries
{
    /// <summary>Orthanc ids of the instances of one modality (SR, OT) in any study, via <c>/tools/find</c>.</summary>
    public static async Task<List<string>> FindInstancesAsync(this OrthancServer orthanc, string modality, string? studyInstanceUid = null)
    {
        var query = new JsonObject { ["Modality"] = modality };
        if (studyInstanceUid is not null)
        {
            query["StudyInstanceUID"] = studyInstanceUid;
        }

        using var response = await orthanc.Http.PostAsJsonAsync(
            "/tools/find", new JsonObject { ["Level"] = "Instance", ["Query"] = query });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<string>>() ?? [];
    }

    public static async Task<JsonObject> TagsAsync(this OrthancServer orthanc, string instanceId)
        => await orthanc.Http.GetFromJsonAsync<JsonObject>($"/instances/{instanceId}/simplified-tags")
           ?? throw new InvalidOperationException($"Orthanc has no tags for {instanceId}");

    public static async Task<byte[]> FileAsync(this OrthancServer orthanc, string instanceId)
        => await orthanc.Http.GetByteArrayAsync(new Uri($"/instances/{instanceId}/file", UriKind.Relative));

    /// <summary>The calling AE title of the association that stored the instance (Orthanc's RemoteAET metadata).</summary>
    public static Task<string> RemoteAeTitleAsync(this OrthancServer orthanc, string instanceId)
        => orthanc.Http.GetStringAsync(new Uri($"/instances/{instanceId}/metadata/RemoteAET", UriKind.Relative));

    /// <summary>Orthanc ids of every instance it holds, with repeats if any (there must be none).</summary>
    public static async Task<List<string>> AllInstancesAsync(this OrthancServer orthanc)
        => await orthanc.Http.GetFromJsonAsync<List<string>>("/instances") ?? [];
}
