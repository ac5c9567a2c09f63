using System.Globalization;
using System.Text.Json;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Compares our DICOM JSON with pydicom's to_json_dict, attribute by attribute.</summary>
internal static class JsonComparison
{
    public static void Compare(JsonElement theirs, JsonElement ours, string path, List<string> problems)
    {
        foreach (var attribute in theirs.EnumerateObject())
        {
            var where = path + attribute.Name;
            if (!ours.TryGetProperty(attribute.Name, out var mine))
            {
                problems.Add($"missing {where}");
                continue;
            }

            var theirVR = attribute.Value.GetProperty("vr").GetString();
            var myVR = mine.GetProperty("vr").GetString();
            if (myVR == "UN" || theirVR != myVR)
            {
                if (myVR != "UN"
                    && !(theirVR is "OB" or "OW" && myVR is "OB" or "OW")
                    && !(theirVR is "US" or "SS" && myVR is "US" or "SS"))
                {
                    problems.Add($"VR {where}: ours {myVR}, pydicom {theirVR}");
                }

                continue;
            }

            CompareValues(attribute.Value, mine, where, problems);
        }
    }

    private static void CompareValues(JsonElement theirs, JsonElement ours, string where, List<string> problems)
    {
        if (theirs.TryGetProperty("InlineBinary", out var binary))
        {
            if (!ours.TryGetProperty("InlineBinary", out var mine) || mine.GetString() != binary.GetString())
            {
                problems.Add($"InlineBinary {where} differs");
            }

            return;
        }

        var theirValues = theirs.TryGetProperty("Value", out var tv) ? tv.EnumerateArray().ToList() : [];
        var myValues = ours.TryGetProperty("Value", out var mv) ? mv.EnumerateArray().ToList() : [];
        if (theirValues.Count != myValues.Count)
        {
            problems.Add($"{where}: {theirValues.Count} values vs ours {myValues.Count}");
            return;
        }

        for (var i = 0; i < theirValues.Count; i++)
        {
            var (a, b) = (theirValues[i], myValues[i]);
            if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object && theirs.GetProperty("vr").GetString() == "SQ")
            {
                Compare(a, b, $"{where}[{i}]/", problems);
            }
            else if (!SameScalar(a, b))
            {
                problems.Add($"{where}[{i}]: pydicom {a.GetRawText()}, ours {b.GetRawText()}");
            }
        }
    }

    private static bool SameScalar(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            var x = a.GetDouble();
            var y = b.GetDouble();
            return x == y || Math.Abs(x - y) <= 1e-6 * Math.Max(Math.Abs(x), Math.Abs(y));
        }

        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var left = a.EnumerateObject()
                .Where(p => p.Value.GetString()?.Length > 0)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!.TrimEnd(' '));
            var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.TrimEnd(' '));
            return left.Count == right.Count && left.All(kv => right.TryGetValue(kv.Key, out var v) && v == kv.Value);
        }

        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.Number)
        {
            return double.TryParse(a.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x == b.GetDouble();
        }

        // PS3.18 F.2.5: an empty value inside a multi-valued attribute is null; pydicom 2.3 writes "".
        if (a.ValueKind == JsonValueKind.String && a.GetString()!.Trim(' ').Length == 0 && b.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return (a.ValueKind == JsonValueKind.Null && b.ValueKind == JsonValueKind.Null)
            || (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String
                && a.GetString()!.Trim(' ') == b.GetString()!.Trim(' '));
    }
}
