namespace XrayTriage.Persistence;

/// <summary>Where the database is. Bound from <c>ConnectionStrings:Triage</c> (env <c>ConnectionStrings__Triage</c>).</summary>
public sealed class PersistenceOptions
{
    public const string ConnectionStringName = "Triage";

    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    public string ConnectionString { get; set; } = "";
}
