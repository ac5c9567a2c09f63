namespace XrayTriage.Inference.Evaluation;

/// <summary>
/// The provenance table of an evaluation set (<c>labels.csv</c>: <c>split,class,relative_path,sha256,source_repo,
/// source_path</c>, one row per image). An image is found by its path relative to the table's folder or, when it was
/// copied or renamed, by the SHA-256 of its bytes. Only <see cref="RequiredColumns"/> are read; column order is free.
/// </summary>
public sealed class EvaluationLabels
{
    public const string RelativePathColumn = "relative_path";
    public const string Sha256Column = "sha256";
    public const string SourceColumn = "source_repo";

    private readonly Dictionary<string, string> _sourceByPath;
    private readonly Dictionary<string, string> _sourceByHash;

    private EvaluationLabels(Dictionary<string, string> sourceByPath, Dictionary<string, string> sourceByHash)
    {
        _sourceByPath = sourceByPath;
        _sourceByHash = sourceByHash;
    }

    public static IReadOnlyList<string> RequiredColumns { get; } = [RelativePathColumn, Sha256Column, SourceColumn];

    public int Count => _sourceByPath.Count;

    /// <summary>Reads the table; <paramref name="name"/> names it in errors. A missing column, a row with another
    /// number of fields than the header or an empty required field is a <see cref="FormatException"/> whose one-line
    /// message names the column or line. The first row wins for a repeated path or hash.</summary>
    public static EvaluationLabels Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() is { } first ? CsvFields.Split(first) : null;
        if (header is null || header.Count == 0 || (header.Count == 1 && header[0].Length == 0))
        {
            throw new FormatException($"{name}: no header line (expected columns {string.Join(",", RequiredColumns)}).");
        }

        var columns = header.Select(h => h.Trim()).ToList();
        var indexes = new int[RequiredColumns.Count];
        for (var c = 0; c < RequiredColumns.Count; c++)
        {
            indexes[c] = columns.IndexOf(RequiredColumns[c]);
            if (indexes[c] < 0)
            {
                throw new FormatException($"{name}: no '{RequiredColumns[c]}' column (header: {string.Join(",", columns)}).");
            }
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvFields.Split(line);
            if (fields is null || fields.Count != columns.Count)
            {
                throw new FormatException($"{name} line {lineNumber}: expected {columns.Count} comma-separated fields.");
            }

            var values = indexes.Select(i => fields[i].Trim()).ToArray();
            var empty = Array.FindIndex(values, v => v.Length == 0);
            if (empty >= 0)
            {
                throw new FormatException($"{name} line {lineNumber}: '{RequiredColumns[empty]}' is empty.");
            }

            byPath.TryAdd(NormalizePath(values[0]), values[2]);
            byHash.TryAdd(values[1].ToLowerInvariant(), values[2]);
        }

        return new EvaluationLabels(byPath, byHash);
    }

    /// <summary>The source of the image at <paramref name="relativePath"/> (either separator), or null.</summary>
    public string? SourceOfPath(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return _sourceByPath.GetValueOrDefault(NormalizePath(relativePath));
    }

    /// <summary>The source of the image whose bytes hash to <paramref name="sha256"/> (hex, either case), or null.</summary>
    public string? SourceOfHash(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return _sourceByHash.GetValueOrDefault(sha256.ToLowerInvariant());
    }

    private static string NormalizePath(string path) => path.Replace('\\', '/');
}
