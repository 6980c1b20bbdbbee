using Npgsql;

namespace Varta.Testing;

/// <summary>
/// A private database for one test class: a SQLite file in a temporary folder, or, when
/// VARTA_TEST_POSTGRES holds a connection string, a fresh PostgreSQL database dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private TestDatabase(string provider, string connectionString, string folder, string? admin, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _adminConnectionString = admin;
        _name = name;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("VARTA_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Temporary folder for this class's files (database, keys).</summary>
    public string Folder { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "varta_t_" + Guid.NewGuid().ToString("N")[..16];
        var folder = Path.Combine(Path.GetTempPath(), "varta-tests", name);
        Directory.CreateDirectory(folder);
        if (PostgresServer is { } server)
        {
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
            return new TestDatabase("Postgres", builder.ConnectionString, folder, server, name);
        }

        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "varta.db")}", folder, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing server is not worth failing a test for; the folder is temporary.
        }
    }
}
