using System.Globalization;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>Checks a deserialized manifest against the schema the training recipe writes; the first problem
/// becomes an <see cref="InferenceException"/> naming the file and the JSON field.</summary>
internal static class ManifestValidator
{
    public static void Validate(EnsembleManifest manifest, string source)
    {
        Require(!string.IsNullOrWhiteSpace(manifest.Name), source, "name", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(manifest.Version), source, "version", "must not be empty");
        if (CheckUid(manifest.DeviceUid) is { } uidProblem)
        {
            Fail(source, "deviceUid", $"'{manifest.DeviceUid}' is not a DICOM UID: {uidProblem}");
        }

        Require(
            manifest.Labels.SequenceEqual(EnsembleLabels.All, StringComparer.Ordinal),
            source,
            "labels",
            $"must be exactly [{string.Join(", ", EnsembleLabels.All)}] in this order (got [{string.Join(", ", manifest.Labels)}])");
        Require(
            manifest.EnsembleRule == EnsembleManifest.WeightedMeanSoftmax,
            source,
            "ensembleRule",
            $"must be '{EnsembleManifest.WeightedMeanSoftmax}' (got '{manifest.EnsembleRule}')");
        Require(manifest.Members.Count > 0, source, "members", "must list at least one model");

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Members.Count; i++)
        {
            var member = manifest.Members[i];
            Require(names.Add(member.Name ?? ""), source, $"members[{i}].name", $"'{member.Name}' is empty or not unique");
            ValidateMember(member, source, $"members[{i}]");
        }

        ValidateTriage(manifest.Triage, source);
        if (manifest.ContentGate is { } gate)
        {
            ValidateContentGate(gate, source);
        }
    }

    /// <summary>PS3.5 §9.1: at most 64 characters, dot-separated components of digits without leading zeros.</summary>
    internal static string? CheckUid(string uid)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return "empty";
        }

        if (uid.Length > 64)
        {
            return $"{uid.Length} characters, at most 64 allowed";
        }

        foreach (var component in uid.Split('.'))
        {
            if (component.Length == 0)
            {
                return "empty component";
            }

            if (!component.All(char.IsAsciiDigit))
            {
                return $"component '{component}' is not all digits";
            }

            if (component.Length > 1 && component[0] == '0')
            {
                return $"component '{component}' has a leading zero";
            }
        }

        return null;
    }

    private static void ValidateMember(EnsembleMemberManifest member, string source, string at)
    {
        ValidateFile(member.File, member.Sha256, source, at);
        Require(!string.IsNullOrWhiteSpace(member.Architecture), source, $"{at}.architecture", "must not be empty");
        Require(
            double.IsFinite(member.Weight) && member.Weight > 0,
            source,
            $"{at}.weight",
            $"must be a positive number (got {member.Weight.ToString(CultureInfo.InvariantCulture)})");

        var input = member.Input;
        Require(!string.IsNullOrWhiteSpace(input.Name), source, $"{at}.input.name", "must not be empty");
        Require(
            input.Width is >= 8 and <= 4096 && input.Height is >= 8 and <= 4096,
            source,
            $"{at}.input.width/height",
            $"{input.Width}×{input.Height} is outside 8–4096");
        Require(input.Channels is 1 or 3, source, $"{at}.input.channels", $"must be 1 or 3 (got {input.Channels})");
        Require(
            input.ChannelHandling == MemberInputManifest.ReplicateGrayscale,
            source,
            $"{at}.input.channelHandling",
            $"must be '{MemberInputManifest.ReplicateGrayscale}' (got '{input.ChannelHandling}')");
        Require(input.Mean.Count == input.Channels, source, $"{at}.input.mean", $"needs one value per channel ({input.Channels})");
        Require(
            input.Std.Count == input.Channels && input.Std.All(s => float.IsFinite(s) && s > 0),
            source,
            $"{at}.input.std",
            $"needs one positive value per channel ({input.Channels})");
        Require(input.Resize is "stretch" or "pad", source, $"{at}.input.resize", $"must be 'stretch' or 'pad' (got '{input.Resize}')");
        if (input.ContrastPercentiles is { } percentiles)
        {
            Require(
                percentiles.Count == 2 && percentiles[0] >= 0 && percentiles[0] < percentiles[1] && percentiles[1] <= 1,
                source,
                $"{at}.input.contrastPercentiles",
                "must be [low, high] with 0 ≤ low < high ≤ 1");
        }

        Require(!string.IsNullOrWhiteSpace(member.Outputs.Logits), source, $"{at}.outputs.logits", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(member.Outputs.FeatureMap), source, $"{at}.outputs.featureMap", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(member.Outputs.ClassMaps), source, $"{at}.outputs.classMaps", "must not be empty");
    }

    private static void ValidateContentGate(ContentGateManifest gate, string source)
    {
        Require(
            gate.Method == ContentGateManifest.MahalanobisTiedCovariance,
            source,
            "contentGate.method",
            $"must be '{ContentGateManifest.MahalanobisTiedCovariance}' (got '{gate.Method}')");
        ValidateFile(gate.File, gate.Sha256, source, "contentGate");
        Require(!string.IsNullOrWhiteSpace(gate.Input), source, "contentGate.input", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(gate.Output), source, "contentGate.output", "must not be empty");
        Require(
            double.IsFinite(gate.Threshold) && gate.Threshold >= 0,
            source,
            "contentGate.threshold",
            $"must be a finite number ≥ 0 (got {gate.Threshold.ToString(CultureInfo.InvariantCulture)})");
        Require(
            gate.Blank.MinRange is >= 0 and <= 255, source, "contentGate.blank.minRange", $"must be in 0–255 (got {gate.Blank.MinRange})");
        Require(
            gate.Blank.Percentiles is [var low, var high] && low >= 0 && low < high && high <= 1,
            source,
            "contentGate.blank.percentiles",
            "must be [low, high] with 0 ≤ low < high ≤ 1");
    }

    private static void ValidateFile(string file, string sha256, string source, string at)
    {
        Require(!string.IsNullOrWhiteSpace(file), source, $"{at}.file", "must not be empty");
        Require(
            !Path.IsPathRooted(file) && !file.Split('/', '\\').Contains(".."),
            source,
            $"{at}.file",
            $"'{file}' must be relative to the manifest's folder and stay inside it");
        Require(
            sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit),
            source,
            $"{at}.sha256",
            $"must be 64 hexadecimal digits (got '{sha256}')");
    }

    private static void ValidateTriage(TriageManifest triage, string source)
    {
        foreach (var finding in EnsembleLabels.Findings)
        {
            Require(triage.Findings.ContainsKey(finding), source, $"triage.findings.{finding}", "is missing");
        }

        foreach (var (label, threshold) in triage.Findings)
        {
            Require(
                EnsembleLabels.Findings.Contains(label),
                source,
                $"triage.findings.{label}",
                $"is not a finding class (expected {string.Join(", ", EnsembleLabels.Findings)})");
            Require(
                threshold.Threshold is >= 0 and <= 1,
                source,
                $"triage.findings.{label}.threshold",
                $"must be a probability in [0, 1] (got {threshold.Threshold.ToString(CultureInfo.InvariantCulture)})");
        }

        Require(!string.IsNullOrWhiteSpace(triage.ChosenOn), source, "triage.chosenOn", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(triage.Target), source, "triage.target", "must not be empty");
    }

    private static void Require(bool condition, string source, string field, string problem)
    {
        if (!condition)
        {
            Fail(source, field, problem);
        }
    }

    private static void Fail(string source, string field, string problem)
        => throw new InferenceException($"Model manifest {source}: {field} {problem}.");
}
