using System.Security.Cryptography;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary><c>eval --labels FILE</c>: the labels table and where it lives, to find each image's source.</summary>
internal sealed class EvalLabels
{
    private readonly EvaluationLabels _table;
    private readonly string _folder;

    private EvalLabels(string path, EvaluationLabels table)
    {
        Path = path;
        _table = table;
        _folder = System.IO.Path.GetDirectoryName(path) ?? "";
    }

    public string Path { get; }

    /// <summary>Null after one line on <paramref name="error"/> when the file cannot be read or lacks a column.</summary>
    public static EvalLabels? TryLoad(string path, TextWriter error)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        try
        {
            using var reader = new StreamReader(fullPath);
            return new EvalLabels(fullPath, EvaluationLabels.Parse(reader, path));
        }
        catch (FormatException ex)
        {
            error.WriteLine($"xraytriage eval: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"xraytriage eval: cannot read the labels file {path}: {ex.Message.ReplaceLineEndings(" ")}");
        }

        return null;
    }

    /// <summary>Each image by its path relative to the labels file's folder, else by the SHA-256 of its bytes (a copy
    /// or a renamed file), else <see cref="SourceBreakdown.Unlisted"/>.</summary>
    public EvalSourceMatch Match(IReadOnlyList<string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var sources = new string[images.Count];
        int byPath = 0, byHash = 0, unlisted = 0;
        for (var i = 0; i < images.Count; i++)
        {
            if (_table.SourceOfPath(System.IO.Path.GetRelativePath(_folder, System.IO.Path.GetFullPath(images[i]))) is { } source)
            {
                byPath++;
            }
            else if (Sha256Of(images[i]) is { } hash && (source = _table.SourceOfHash(hash)) is not null)
            {
                byHash++;
            }
            else
            {
                source = SourceBreakdown.Unlisted;
                unlisted++;
            }

            sources[i] = source;
        }

        return new EvalSourceMatch(sources, byPath, byHash, unlisted);
    }

    // The image was read for inference moments ago; if it has gone since, it is simply not matched.
    private static string? Sha256Of(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
