using System.Globalization;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Settings of a serve process that reports to PACS destinations: a short quiet period so studies settle
/// within the test, quick retries and a short breaker so an outage of a minute is ridden out in seconds after it ends.</summary>
internal static class ReportServe
{
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromMinutes(2);

    public static IEnumerable<string> Settings(params (string Name, string AeTitle, int Port)[] destinations)
    {
        yield return "--Triage:StudyQuietPeriod=00:00:02";
        yield return "--Triage:SettleInterval=00:00:00.500";
        yield return "--Reporting:PollInterval=00:00:00.500";
        yield return "--Reporting:AttemptTimeout=00:00:20";
        yield return "--Reporting:ImmediateRetryDelay=00:00:00.200";
        yield return "--Reporting:RetryDelay=00:00:02";
        yield return "--Reporting:MaxRetryDelay=00:00:05";
        yield return "--Reporting:BreakDuration=00:00:03";
        yield return "--Reporting:MaxAttempts=100";
        for (var i = 0; i < destinations.Length; i++)
        {
            var (name, aeTitle, port) = destinations[i];
            yield return $"--Pacs:Destinations:{i}:Name={name}";
            yield return $"--Pacs:Destinations:{i}:AeTitle={aeTitle}";
            yield return $"--Pacs:Destinations:{i}:Host=127.0.0.1";
            yield return $"--Pacs:Destinations:{i}:Port={port.ToString(CultureInfo.InvariantCulture)}";
        }
    }
}
