using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Security;

/// <summary>Limits password sign-in attempts per client address and per account name (sliding one-minute windows,
/// ASP.NET Core's rate limiters), checked before any password is hashed. A refusal reports whether it starts a burst,
/// so the login page audits and logs a burst once rather than every refused attempt; a burst ends after a minute
/// without refusals for its key.</summary>
internal sealed class SignInThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxTrackedBursts = 10_000;
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byAccount;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRefusal = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public SignInThrottle(IOptions<WebOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _byAddress = Create(options.Value.SignInAttemptsPerAddress);
        _byAccount = Create(options.Value.SignInAttemptsPerAccount);
    }

    /// <summary>Null when the attempt may go ahead; otherwise what refused it.</summary>
    public SignInRefusal? TryEnter(string address, string accountName)
    {
        var addressKey = $"address {address}";
        using (var lease = _byAddress.AttemptAcquire(addressKey))
        {
            if (!lease.IsAcquired)
            {
                return Refuse(addressKey);
            }
        }

        var accountKey = $"user {accountName.ToUpperInvariant()}";
        using (var lease = _byAccount.AttemptAcquire(accountKey))
        {
            return lease.IsAcquired ? null : Refuse(accountKey);
        }
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
    }

    private SignInRefusal Refuse(string key)
    {
        var now = _timeProvider.GetUtcNow();
        if (_lastRefusal.Count >= MaxTrackedBursts)
        {
            foreach (var (staleKey, at) in _lastRefusal)
            {
                if (now - at >= Window)
                {
                    _lastRefusal.TryRemove(staleKey, out _);
                }
            }
        }

        var first = true;
        _lastRefusal.AddOrUpdate(key, now, (_, previous) =>
        {
            first = now - previous >= Window;
            return now;
        });
        return new SignInRefusal(key, first);
    }

    private static PartitionedRateLimiter<string> Create(int permitsPerMinute)
        => PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = Window,
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            StringComparer.Ordinal);
}
