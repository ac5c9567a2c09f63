using System.Security.Cryptography;

namespace XrayTriage.Inference;

/// <summary>Reads a model file once and refuses it when its SHA-256 differs from the manifest's. The session is created
/// from the returned bytes, so what was verified is exactly what runs (no window to swap the file in between).</summary>
internal static class ModelFileVerifier
{
    /// <summary>Larger than any CNN this service ships; a bound before reading a whole file into memory.</summary>
    private const long MaxModelBytes = 2L << 30;

    public static byte[] ReadVerified(EnsembleMemberManifest member, string path)
        => ReadVerified($"Ensemble member '{member.Name}'", member.Sha256, path);

    /// <summary>The bytes of <paramref name="path"/> when their SHA-256 is <paramref name="sha256"/>; <paramref name="what"/>
    /// names the model in error messages, e.g. <c>Ensemble member 'a'</c> or <c>Content gate</c>.</summary>
    public static byte[] ReadVerified(string what, string sha256, string path)
    {
        if (!File.Exists(path))
        {
            throw new InferenceException($"{what}: model file {path} does not exist.");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxModelBytes)
            {
                throw new InferenceException($"{what}: model file {path} has {length} bytes, more than the {MaxModelBytes} allowed.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InferenceException($"{what}: model file {path} cannot be read: {ex.Message}", ex);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InferenceException(
                $"{what}: model file {path} has SHA-256 {actual}, the manifest expects {sha256.ToLowerInvariant()}.");
        }

        return bytes;
    }
}
