using System.Diagnostics;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Polls a condition until it holds or a generous, bounded time has passed.</summary>
internal static class Wait
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="condition">Checked until true.</param>
    /// <param name="timeout">Fails with <paramref name="describe"/> after this.</param>
    /// <param name="describe">The failure message (e.g. the state reached and the server's log).</param>
    /// <param name="abort">A non-null message stops waiting at once (e.g. the server exited).</param>
    public static async Task UntilAsync(
        Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe, Func<string?>? abort = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (abort?.Invoke() is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Not reached within {timeout}: {await describe()}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
