using System.Security.Cryptography;

namespace XrayTriage.Inference;

/// <summary>Refuses a model file whose SHA-256 differs from the manifest's, before ONNX Runtime reads it.</summary>
internal static class ModelFileVerifier
{
    public static void Verify(EnsembleMemberManifest member, string path)
    {
        if (!File.Exists(path))
        {
            throw new InferenceException($"Ensemble member '{member.Name}': model file {path} does not exist.");
        }

        string actual;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InferenceException($"Ensemble member '{member.Name}': model file {path} cannot be read: {ex.Message}", ex);
        }

        if (!string.Equals(actual, member.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InferenceException(
                $"Ensemble member '{member.Name}': model file {path} has SHA-256 {actual}, the manifest expects {member.Sha256.ToLowerInvariant()}.");
        }
    }
}
