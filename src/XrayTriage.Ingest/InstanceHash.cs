using System.Security.Cryptography;
using System.Text;

namespace XrayTriage.Ingest;

/// <summary>A short, stable stand-in for a SOP Instance UID in log lines (UIDs can embed device serials and dates).</summary>
internal static class InstanceHash
{
    public static string Of(string sopInstanceUid)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(sopInstanceUid)).AsSpan(0, 6));
}
