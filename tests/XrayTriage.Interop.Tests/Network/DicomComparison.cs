using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Element-by-element comparison of two files through DCMTK's <c>dcmdump</c>: File Meta Information
/// (group 0002) and Data Set Trailing Padding may differ, and so may whether sequences and items are encoded with
/// explicit or undefined length (DCMTK's senders choose, PS3.5 §7.5); every value, pixel data included, must not.</summary>
internal static partial class DicomComparison
{
    public static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public static async Task<string> DumpDataSetAsync(string path)
    {
        var result = await PeerTools.RunAsync("dcmdump", ["-q", "+L", "+U8", path], ToolTimeout);
        var lines = result.EnsureSuccess($"dcmdump {path}").StandardOutput
            .Split('\n')
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("(0002,", StringComparison.Ordinal)
                && !line.StartsWith("(fffc,fffc)", StringComparison.Ordinal)
                && !line.TrimStart().StartsWith("(fffe,e00d)", StringComparison.Ordinal)
                && !line.TrimStart().StartsWith("(fffe,e0dd)", StringComparison.Ordinal))
            .Select(line => LengthEncoding().Replace(line, "$1$2"));
        return string.Join('\n', lines);
    }

    public static async Task<string> SopInstanceUidAsync(string path)
    {
        var result = await PeerTools.RunAsync("dcmdump", ["-q", "+P", "0008,0018", path], ToolTimeout);
        var line = result.EnsureSuccess($"dcmdump {path}").StandardOutput.Trim();
        var start = line.IndexOf('[', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf(']', start)];
    }

    /// <summary>Asserts that <paramref name="received"/> holds, for each sent file, a file with the same SOP
    /// Instance UID whose data set dumps identically.</summary>
    public static async Task AssertSameInstancesAsync(IReadOnlyCollection<string> sent, IReadOnlyCollection<string> received)
    {
        Assert.Equal(sent.Count, received.Count);
        var byUid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in received)
        {
            byUid[await SopInstanceUidAsync(file)] = file;
        }

        foreach (var file in sent)
        {
            var uid = await SopInstanceUidAsync(file);
            Assert.True(byUid.TryGetValue(uid, out var copy), $"{uid} ({Path.GetFileName(file)}) was not received.");
            Assert.Equal(await DumpDataSetAsync(file), await DumpDataSetAsync(copy));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(\s*\([0-9a-f]{4},[0-9a-f]{4}\) (?:SQ|na) \((?:Sequence|Item)) with (?:undefined|explicit) length( #=\d+\)).*$")]
    private static partial System.Text.RegularExpressions.Regex LengthEncoding();
}
