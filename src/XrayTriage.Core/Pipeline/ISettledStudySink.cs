namespace XrayTriage.Core.Pipeline;

/// <summary>
/// Receives studies the settle sweep found quiet (reporting builds the SR then). A study normally arrives once per
/// quiet period, but a sink must tolerate a repeat: a study re-opened by a late image settles again, and after a
/// crash between settling and publishing the sink is expected to rebuild its backlog from the database.
/// </summary>
public interface ISettledStudySink
{
    Task PublishAsync(SettledStudy study, CancellationToken cancellationToken);
}
