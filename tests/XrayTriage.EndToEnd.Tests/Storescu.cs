using System.Globalization;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>DCMTK <c>storescu</c> as the modality: one association for all files; its verbose log says which C-STORE
/// got which response, so the test knows what the modality saw acknowledged.</summary>
internal static class Storescu
{
    public static async Task<PushResult> PushAsync(int port, IReadOnlyList<ChestFilm> films, TimeSpan timeout)
    {
        var result = await PeerTools.RunAsync("storescu",
            ["-v", "-aet", "MODALITY", "-aec", ServeProcess.AeTitle, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture),
             .. films.Select(f => f.Path)],
            timeout);
        return Parse(result, films);
    }

    private static PushResult Parse(ProcessResult result, IReadOnlyList<ChestFilm> films)
    {
        var byPath = films.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var acknowledged = new List<ChestFilm>();
        var refused = new List<(ChestFilm Film, string Status)>();
        ChestFilm? current = null;
        foreach (var line in (result.StandardOutput + result.StandardError).Split('\n'))
        {
            const string sending = "Sending file: ";
            const string response = "Received Store Response";
            var at = line.IndexOf(sending, StringComparison.Ordinal);
            if (at >= 0)
            {
                current = byPath[line[(at + sending.Length)..].Trim()];
            }
            else if (line.Contains(response, StringComparison.Ordinal) && current is not null)
            {
                if (line.Contains("(Success", StringComparison.Ordinal) || line.Contains("(Warning", StringComparison.Ordinal))
                {
                    acknowledged.Add(current);
                }
                else
                {
                    refused.Add((current, line.Trim()));
                }

                current = null;
            }
        }

        return new PushResult(result, acknowledged, refused);
    }
}
