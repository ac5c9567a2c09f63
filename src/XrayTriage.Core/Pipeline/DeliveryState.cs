namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Where one report is in its delivery to one destination: <see cref="Pending"/> → <see cref="Sending"/> →
/// <see cref="Delivered"/> | <see cref="Failed"/>; a transient failure goes back to <see cref="Pending"/> with a later
/// due time, and a newer report version of the same study makes an undelivered one <see cref="Superseded"/>.
/// </summary>
public enum DeliveryState
{
    /// <summary>Waiting to be claimed once its next attempt is due.</summary>
    Pending,

    /// <summary>Claimed by a sender until its lease ends; an expired lease may be claimed again.</summary>
    Sending,

    /// <summary>The destination accepted it.</summary>
    Delivered,

    /// <summary>Failed for good (permanent refusal or retries exhausted); an administrator can re-queue it.</summary>
    Failed,

    /// <summary>A newer version of the study's report replaced it before it was delivered.</summary>
    Superseded,
}
