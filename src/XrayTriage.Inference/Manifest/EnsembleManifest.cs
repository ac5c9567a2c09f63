using System.Text.Json;
using System.Text.Json.Serialization;

namespace XrayTriage.Inference;

/// <summary><c>models/ensemble.json</c> as written by the training recipe (<c>models/training/</c>): the members,
/// their input contracts and SHA-256 hashes, the triage thresholds chosen on the validation split and, optionally, the
/// content gate (null: every image that passes the header rules gets a class).</summary>
public sealed record EnsembleManifest(
    string Name,
    string Version,
    string DeviceUid,
    IReadOnlyList<string> Labels,
    string EnsembleRule,
    IReadOnlyList<EnsembleMemberManifest> Members,
    TriageManifest Triage,
    JsonElement? Training = null,
    ContentGateManifest? ContentGate = null)
{
    public const string FileName = "ensemble.json";

    public const string WeightedMeanSoftmax = "weighted-mean-softmax";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The folder the manifest was read from; member files are relative to it.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = "";

    /// <summary>Reads and validates the manifest; every problem is an <see cref="InferenceException"/> naming the file and field.</summary>
    public static EnsembleManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InferenceException($"Model manifest {fullPath} cannot be read: {ex.Message}", ex);
        }

        return Parse(json, fullPath) with { BaseDirectory = Path.GetDirectoryName(fullPath) ?? "" };
    }

    /// <summary>Parses and validates manifest text; <paramref name="source"/> names it in error messages.</summary>
    public static EnsembleManifest Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        EnsembleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<EnsembleManifest>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            throw new InferenceException($"Model manifest {source} is not valid{where}: {FirstLine(ex.Message)}", ex);
        }

        if (manifest is null)
        {
            throw new InferenceException($"Model manifest {source} is empty (null).");
        }

        ManifestValidator.Validate(manifest, source);
        return manifest;
    }

    public string ResolveMemberPath(EnsembleMemberManifest member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return ResolvePath(member.File);
    }

    /// <summary>A file named in the manifest (member or content gate), relative to <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Path.GetFullPath(file, BaseDirectory.Length == 0 ? Environment.CurrentDirectory : BaseDirectory);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
