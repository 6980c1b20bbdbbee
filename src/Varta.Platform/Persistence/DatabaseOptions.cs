namespace Varta.Platform.Persistence;

/// <summary>Which database Varta runs on. Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/varta.db";

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
