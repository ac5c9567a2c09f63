using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // The row lock of the UPDATE decides between two sweeping processes; a concurrent new image (which resets
    // settled_at and moves last_received_at) makes the re-checked row fail the quiet condition.
    private const string SettleSql = """
        UPDATE triage.studies s SET settled_at = @now, updated_at = @now
        WHERE s.settled_at IS NULL
          AND s.last_received_at <= @quiet_since
          AND NOT EXISTS (SELECT 1 FROM triage.instances i WHERE i.study_id = s.id AND i.state IN ('Received', 'Processing'))
        RETURNING s.id, s.study_instance_uid, s.triage_priority, s.image_count, s.settled_at
        """;

    /// <summary>
    /// Marks studies settled whose last image arrived at least <paramref name="quietPeriod"/> ago and which have no
    /// image left to triage, and returns them. Each quiet study is returned once; a new image re-opens it and it is
    /// returned again after the next quiet period. Running it again, from any process, returns nothing new.
    /// </summary>
    public Task<IReadOnlyList<SettledStudy>> SettleAsync(TimeSpan quietPeriod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPeriod, TimeSpan.Zero);
        RequireUtc(now, nameof(now));
        return WithConnectionAsync<IReadOnlyList<SettledStudy>>(async connection =>
        {
            await using var command = Command(connection, SettleSql);
            Add(command, "now", now);
            Add(command, "quiet_since", now - quietPeriod);
            var settled = new List<SettledStudy>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var priority = NullableString(reader, 2);
                settled.Add(new SettledStudy(
                    reader.GetInt64(0), reader.GetString(1), priority is null ? null : Enum.Parse<WorklistPriority>(priority),
                    reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }

            return settled.OrderBy(s => s.StudyId).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// One page of the worklist: urgent first, then routine, then not assessable, then studies not triaged yet;
    /// within a priority the study waiting longest comes first.
    /// </summary>
    public async Task<IReadOnlyList<WorklistEntry>> GetWorklistAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Studies.AsNoTracking()
            .OrderByDescending(s => s.PriorityRank).ThenBy(s => s.FirstReceivedAt).ThenBy(s => s.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new WorklistEntry(
            s.Id, s.StudyInstanceUid, s.TriagePriority,
            new StudyAttributes(s.PatientName, s.PatientId, s.AccessionNumber, s.StudyDate, s.StudyDescription, s.Modality, s.BodyPartExamined),
            s.ImageCount, s.FirstReceivedAt, s.LastReceivedAt, s.SettledAt)).ToList();
    }

    /// <summary>Number of instances per state (queue depth for metrics and readiness); states with none are absent.</summary>
    public async Task<IReadOnlyDictionary<InstanceState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Instances.AsNoTracking()
            .GroupBy(i => i.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, cancellationToken);
    }
}
