namespace XrayTriage.Web.Data;

internal sealed record AuditPage(int Total, int Skip, int Take, IReadOnlyList<AuditRow> Items);
