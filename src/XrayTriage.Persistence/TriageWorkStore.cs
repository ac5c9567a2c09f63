using Microsoft.EntityFrameworkCore;
using Npgsql;
using static XrayTriage.Persistence.StoreSql;

namespace XrayTriage.Persistence;

/// <summary>
/// The durable work state of the pipeline in PostgreSQL: ingest records instances, triage workers claim them with
/// <c>FOR UPDATE SKIP LOCKED</c> leases, complete or fail them, and a sweep settles quiet studies. Several
/// <c>serve</c> processes may share one database; every race is decided by a row lock or a unique constraint.
/// Times are passed in by the caller (from its <see cref="TimeProvider"/>) so tests and workers agree on "now".
/// The statements are SQL rather than LINQ because their point is the locking clause of each one.
/// </summary>
public sealed partial class TriageWorkStore(IDbContextFactory<TriageDbContext> contextFactory)
{
    private Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
        => StoreSql.WithConnectionAsync(contextFactory, work, cancellationToken);
}
