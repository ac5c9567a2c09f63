using System.Security.Cryptography;

namespace XrayTriage.Inference;

/// <summary>Reads a model file once and refuses it when its SHA-256 differs from the manifest's. The session is created
/// from the returned bytes, so what was verified is exactly what runs (no window to swap the file in between).</summary>
internal static class ModelFileVerifier
{
    /// <summary>Larger than any CNN this service ships; a bound before reading a whole file into memory.</summary>
    private const long MaxModelBytes = 2L << 30;

    public static byte[] ReadVerified(EnsembleMemberManifest member, string path)
    {
        if (!File.Exists(path))
        {
            throw new InferenceException($"Ensemble member '{member.Name}': model file {path} does not exist.");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxModelBytes)
            {
                throw new InferenceException($"Ensemble member '{member.Name}': model file {path} has {length} bytes, more than the {MaxModelBytes} allowed.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InferenceException($"Ensemble member '{member.Name}': model file {path} cannot be read: {ex.Message}", ex);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, member.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InferenceException(
                $"Ensemble member '{member.Name}': model file {path} has SHA-256 {actual}, the manifest expects {member.Sha256.ToLowerInvariant()}.");
        }

        return bytes;
    }
}
