using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Pipeline;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

public sealed partial class TriageWorkStore
{
    // The row lock of the UPDATE decides between two sweeping processes; a concurrent new image (which resets
    // settled_at and moves last_received_at) makes the re-checked row fail the quiet condition. The report row of each
    // settled study is inserted by the same statement (transactional outbox): a study is settled with its report or
    // not at all. Reports of a study are only ever written here, under that study's row lock, so the next version
    // number cannot be taken twice; the unique (study_id, version) would refuse it if it were.
    private const string SettleSql = """
        WITH settled AS (
            UPDATE triage.studies s SET settled_at = @now, updated_at = @now
            WHERE s.settled_at IS NULL
              AND s.last_received_at <= @quiet_since
              AND NOT EXISTS (SELECT 1 FROM triage.instances i WHERE i.study_id = s.id AND i.state IN ('Received', 'Processing'))
            RETURNING s.id, s.triage_priority, s.image_count, s.settled_at),
        latest AS (
            SELECT DISTINCT ON (r.study_id) r.study_id, r.id, r.version
            FROM triage.reports r JOIN settled ON r.study_id = settled.id
            ORDER BY r.study_id, r.version DESC),
        report AS (
            INSERT INTO triage.reports (study_id, version, predecessor_report_id, created_at, priority, image_count)
            SELECT st.id, COALESCE(l.version, 0) + 1, l.id, st.settled_at, st.triage_priority, st.image_count
            FROM settled st LEFT JOIN latest l ON l.study_id = st.id
            RETURNING id, study_id, version)
        SELECT st.id, st.triage_priority, st.image_count, r.id, r.version
        FROM settled st JOIN report r ON r.study_id = st.id
        """;

    /// <summary>
    /// Marks studies settled whose last image arrived at least <paramref name="quietPeriod"/> ago and which have no
    /// image left to triage, and returns them. Each quiet study is returned once; a new image re-opens it and it is
    /// returned again after the next quiet period. Running it again, from any process, returns nothing new.
    /// Each returned study got a new report row in the same transaction (version 1, or the previous version + 1
    /// with the previous one as its predecessor), ready for <see cref="ReportOutboxStore.FanOutAsync"/>.
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
                var priority = NullableString(reader, 1);
                settled.Add(new SettledStudy(
                    reader.GetInt64(0), priority is null ? null : Enum.Parse<TriagePriority>(priority),
                    reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4)));
            }

            return settled.OrderBy(s => s.StudyId).ToList();
        }, cancellationToken);
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
