using Microsoft.EntityFrameworkCore;
using Npgsql;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

/// <summary>
/// The report outbox in PostgreSQL. Settling a study writes its report row (<see cref="TriageWorkStore.SettleAsync"/>);
/// this store fans each report out to one delivery per configured destination, lets senders claim deliveries with
/// <c>FOR UPDATE SKIP LOCKED</c> leases and record the outcome, supersedes undelivered older versions, serves the
/// report's content, the admin list and re-queue, and tells spool retention which files are no longer needed.
/// Several processes may share one database; every race is decided by a row lock or a unique constraint. Times are
/// passed in by the caller (from its <see cref="TimeProvider"/>).
/// </summary>
public sealed partial class ReportOutboxStore(IDbContextFactory<TriageDbContext> contextFactory)
{
    private Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
        => StoreSql.WithConnectionAsync(contextFactory, work, cancellationToken);
}
