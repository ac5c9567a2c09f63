using System.Security.Cryptography;
using System.Text;

namespace XrayTriage.Inference.Calibration;

/// <summary>Names a set of films without listing them: SHA-256 (lower-case hex) over the UTF-8 lines
/// <c>&lt;relative path&gt;\t&lt;sha256 of the file&gt;\n</c>, sorted by relative path (ordinal, '/' as separator).</summary>
public static class FilmSetHash
{
    public static string Compute(IEnumerable<(string RelativePath, string Sha256)> films)
    {
        ArgumentNullException.ThrowIfNull(films);
        var text = new StringBuilder();
        foreach (var (path, sha256) in films.OrderBy(f => f.RelativePath.Replace('\\', '/'), StringComparer.Ordinal))
        {
            text.Append(path.Replace('\\', '/')).Append('\t').Append(sha256.ToLowerInvariant()).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
