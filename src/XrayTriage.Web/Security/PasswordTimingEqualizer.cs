using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace XrayTriage.Web.Security;

/// <summary>Spends one password-hash verification on attempts that Identity answers without hashing (unknown name,
/// locked or disabled account), so their answer takes as long as a wrong password for a real account and timing does
/// not tell which names exist.</summary>
internal sealed class PasswordTimingEqualizer(IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new("nobody");
    private readonly Lazy<string> _hash =
        new(() => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public void Spend(string password) => hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
