namespace XrayTriage.Core.Pipeline;

/// <summary>State of an instance after a failed attempt was recorded.</summary>
/// <param name="State"><see cref="InstanceState.Received"/> when it will be retried, <see cref="InstanceState.Failed"/>
/// when attempts are exhausted.</param>
/// <param name="Attempts">Failed attempts including this one.</param>
/// <param name="NextAttemptAt">When it becomes claimable again; null once failed for good.</param>
public sealed record FailResult(InstanceState State, int Attempts, DateTimeOffset? NextAttemptAt);
