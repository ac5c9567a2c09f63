namespace XrayTriage.Triage;

/// <summary>How the triage workers claim and retry work and when studies settle. Section <c>Triage</c>
/// (env <c>Triage__Workers</c>, …); durations as <c>hh:mm:ss[.fff]</c>.</summary>
public sealed class TriageOptions
{
    public const string SectionName = "Triage";

    /// <summary>Images read and decoded concurrently in this process. A worker hands its image to the ensemble's
    /// micro-batcher and decodes the next one while the batch runs, so the images waiting for inference (up to four
    /// batches) fill the batches; one worker per core keeps both the decoder and the model busy.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Most instances claimed in one query. Claims are only taken for free worker slots, so a claim never
    /// waits long enough in memory for its lease to expire.</summary>
    public int ClaimBatch { get; set; } = 4;

    /// <summary>How often an idle worker looks for work when no ingest signal arrives (another process's ingest,
    /// a retry whose backoff ended, an expired lease).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A claim older than this belongs to a crashed or hung worker and is taken over (counted as a failed attempt).</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before an instance is failed for good with its last reason.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; it doubles with each further failure.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A study settles (its report can be built) when no image arrived for this long and none is left to triage.</summary>
    public TimeSpan StudyQuietPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A site thresholds file written by <c>xraytriage calibrate --out</c>; empty decides with the shipped
    /// thresholds of the model manifest. Relative paths are taken from the application's folder. A file calibrated for
    /// another model, or one that cannot be read, refuses start-up.</summary>
    public string ThresholdsPath { get; set; } = "";

    /// <summary>How often the settle sweep runs.</summary>
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromSeconds(1);
}
