using System.Text.RegularExpressions;
using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Second oracle: DCMTK's dcmdump. Same top-level tags (meta and data set) and, for standard elements, the same VR.</summary>
public sealed partial class DcmdumpOracleTests
{
    public static TheoryData<string> Files() => CorpusFiles.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Open_CorpusFile_SameTopLevelElementsAsDcmdump(string file)
    {
        if (CorpusOracleTests.Rejected.ContainsKey(file))
        {
            return;
        }

        var dump = await PeerTools.RunAsync("dcmdump", ["-q", "-dc", CorpusFiles.FullPath(file)], TimeSpan.FromSeconds(60));
        if (!dump.Succeeded)
        {
            // dcmdump refuses it; CorpusOracleTests covers how we read it (pydicom, or a stated reason).
            return;
        }

        var theirs = new Dictionary<DicomTag, string>();
        foreach (var line in dump.StandardOutput.Split('\n'))
        {
            var match = TopLevel().Match(line);
            if (match.Success && !match.Groups[1].Value.StartsWith("fffe", StringComparison.OrdinalIgnoreCase))
            {
                theirs[DicomTag.Parse(match.Groups[1].Value)] = match.Groups[2].Value;
            }
        }

        var ours = DicomFile.Open(CorpusFiles.FullPath(file));
        var mine = ours.FileMetaInformation.Concat(ours.Dataset).ToDictionary(i => i.Tag, i => i.VR.Code);
        var problems = new List<string>();
        foreach (var (tag, vr) in theirs)
        {
            if (!mine.TryGetValue(tag, out var myVR))
            {
                problems.Add($"missing {tag} {vr}");
            }
            else if (myVR != vr && !tag.IsPrivate && myVR != "UN" && vr is not ("??" or "ox" or "xs" or "lt" or "up" or "UN")
                && !(vr is "OB" or "OW" && myVR is "OB" or "OW"))
            {
                problems.Add($"VR {tag}: ours {myVR}, dcmdump {vr}");
            }
        }

        problems.AddRange(mine.Keys.Where(t => !theirs.ContainsKey(t)).Select(t => $"extra {t}"));
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [GeneratedRegex(@"^\(([0-9a-fA-F]{4},[0-9a-fA-F]{4})\) (\S\S) ")]
    private static partial Regex TopLevel();
}
