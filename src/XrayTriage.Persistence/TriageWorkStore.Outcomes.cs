using XrayTriage.Core.Pipeline;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // A plain read: no locks, the caller polls until every instance is final.
    private const string OutcomesSql = """
        SELECT i.sop_instance_uid, i.state, r.priority, coalesce(i.skip_reason, r.not_assessable_reason, i.last_error),
               coalesce(r.findings_over_threshold, '{}')
        FROM triage.instances i
        LEFT JOIN triage.triage_results r ON r.instance_id = i.id
        WHERE i.sop_instance_uid = ANY(@uids)
        ORDER BY i.id
        """;

    /// <summary>The outcome of each instance recorded with one of <paramref name="sopInstanceUids"/> (none for those not
    /// received).</summary>
    public Task<IReadOnlyList<InstanceOutcome>> GetOutcomesAsync(
        IReadOnlyCollection<string> sopInstanceUids, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<InstanceOutcome>>(async connection =>
        {
            await using var command = Command(connection, OutcomesSql);
            Add(command, "uids", sopInstanceUids.ToArray());
            var outcomes = new List<InstanceOutcome>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var priority = NullableString(reader, 2);
                outcomes.Add(new InstanceOutcome(
                    reader.GetString(0),
                    Enum.Parse<InstanceState>(reader.GetString(1)),
                    priority is null ? null : Enum.Parse<TriagePriority>(priority),
                    NullableString(reader, 3),
                    reader.GetFieldValue<string[]>(4)));
            }

            return outcomes;
        }, cancellationToken);
}
