using System.Text;
using System.Text.Json;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Calibration;

/// <summary>Reads, checks and writes site thresholds files (<see cref="SiteThresholds"/>): JSON, camelCase, numbers in
/// shortest round-trip form, so a threshold read back is the threshold written.</summary>
public static class SiteThresholdsFile
{
    /// <summary>Far larger than any thresholds file; a bound before reading one into memory.</summary>
    private const long MaxBytes = 1 << 20;

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        WriteIndented = true,
    };

    /// <exception cref="SiteThresholdsException">The file cannot be read or is not a valid thresholds file.</exception>
    public static SiteThresholds Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string json;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxBytes)
            {
                throw new SiteThresholdsException($"thresholds file {fullPath} has {length} bytes, more than the {MaxBytes} allowed.");
            }

            json = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SiteThresholdsException($"thresholds file {fullPath} cannot be read: {ex.Message}", ex);
        }

        return Parse(json, fullPath);
    }

    /// <exception cref="SiteThresholdsException">Not a valid thresholds file; the message names <paramref name="source"/>
    /// and the field.</exception>
    public static SiteThresholds Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        SiteThresholds? thresholds;
        try
        {
            thresholds = JsonSerializer.Deserialize<SiteThresholds>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            throw new SiteThresholdsException($"thresholds file {source} is not valid{where}: {FirstLine(ex.Message)}", ex);
        }

        if (thresholds is null)
        {
            throw new SiteThresholdsException($"thresholds file {source} is empty (null).");
        }

        var problems = Problems(thresholds).ToList();
        if (problems.Count > 0)
        {
            throw new SiteThresholdsException($"thresholds file {source} is not valid: {string.Join("; ", problems)}.");
        }

        return thresholds with { Source = source };
    }

    /// <summary>Writes the file whole or not at all (temporary file, then rename).</summary>
    public static void Write(string path, SiteThresholds thresholds)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(thresholds);
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, ToJson(thresholds) + "\n", new UTF8Encoding(false));
        File.Move(temporary, fullPath, overwrite: true);
    }

    public static string ToJson(SiteThresholds thresholds) => JsonSerializer.Serialize(thresholds, SerializerOptions);

    private static IEnumerable<string> Problems(SiteThresholds t)
    {
        if (t.Format != SiteThresholds.CurrentFormat)
        {
            yield return $"format is '{t.Format}', expected '{SiteThresholds.CurrentFormat}'";
        }

        if (string.IsNullOrWhiteSpace(t.Model.Name)
            || string.IsNullOrWhiteSpace(t.Model.Version)
            || string.IsNullOrWhiteSpace(t.Model.DeviceUid))
        {
            yield return "model needs a name, version and deviceUid";
        }

        if (t.Films.Count < 1 || t.Films.Sha256.Length != 64 || !t.Films.Sha256.All(Uri.IsHexDigit))
        {
            yield return "films needs a count of at least 1 and a sha256 of 64 hex digits";
        }

        if (!(t.TargetSensitivity > 0 && t.TargetSensitivity <= 1))
        {
            yield return $"targetSensitivity {t.TargetSensitivity} is not in (0, 1]";
        }

        foreach (var finding in EnsembleLabels.Findings)
        {
            if (!t.Findings.TryGetValue(finding, out var entry))
            {
                yield return $"findings.{finding} is missing";
            }
            else if (!(entry.Threshold is >= 0 and <= 1))
            {
                yield return $"findings.{finding}.threshold {entry.Threshold} is not in [0, 1]";
            }
        }

        foreach (var unknown in t.Findings.Keys.Where(k => !EnsembleLabels.Findings.Contains(k)))
        {
            yield return $"findings.{unknown} is not a finding ({string.Join(", ", EnsembleLabels.Findings)})";
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
