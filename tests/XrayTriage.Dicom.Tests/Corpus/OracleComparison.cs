namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Compares our canonical listing with pydicom's, allowing only documented, explainable differences.</summary>
internal static class OracleComparison
{
    public static List<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual, bool bigEndian)
    {
        var theirs = Index(expected);
        var ours = Index(actual);
        var problems = new List<string>();
        var unknownParents = ours.Where(kv => kv.Value.VR == "UN")
            .Select(kv => kv.Key.Replace("|", string.Empty, StringComparison.Ordinal))
            .ToList();
        foreach (var (key, (vr, value)) in theirs)
        {
            if (!ours.TryGetValue(key, out var mine))
            {
                // pydicom turns UN into the dictionary VR and parses UN sequences; we keep UN like DCMTK.
                if (!unknownParents.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                {
                    problems.Add($"missing {key} {vr} {Short(value)}");
                }

                continue;
            }

            if (mine.VR != vr)
            {
                if (!VRDifferenceAllowed(mine.VR, vr))
                {
                    problems.Add($"VR {key}: ours {mine.VR}, pydicom {vr}");
                }

                continue;
            }

            if (mine.Value != value
                && !SameValuesIgnoringPadding(mine.Value, value)
                && !(bigEndian && value.StartsWith("len=", StringComparison.Ordinal) && SameLength(mine.Value, value)))
            {
                problems.Add($"value {key} {vr}: ours '{Short(mine.Value)}', pydicom '{Short(value)}'");
            }
        }

        foreach (var key in ours.Keys.Where(k => !theirs.ContainsKey(k)))
        {
            problems.Add($"extra {key}");
        }

        return problems;
    }

    private static bool VRDifferenceAllowed(string ours, string theirs)
        => ours == "UN"
            || theirs.Contains(" or ", StringComparison.Ordinal)
            || (ours, theirs) is ("US", "SS") or ("OW", "OB") or ("OB", "OW");

    // pydicom 2.3 strips padding only at the end of the whole value, we strip it per value ("P   \\F" is "P\\F").
    private static bool SameValuesIgnoringPadding(string a, string b)
        => a.Split('\\').Select(v => v.Trim(' ')).SequenceEqual(b.Split('\\').Select(v => v.Trim(' ')), StringComparer.Ordinal);

    private static bool SameLength(string a, string b) => a.Split(' ')[0] == b.Split(' ')[0];

    private static string Short(string value) => value.Length > 80 ? value[..80] + "..." : value;

    private static Dictionary<string, (string VR, string Value)> Index(IReadOnlyList<string> lines)
    {
        var index = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('|', 4);
            index[parts[0] + "|" + parts[1]] = (parts[2], parts[3]);
        }

        return index;
    }
}
