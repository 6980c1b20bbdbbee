using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Varta.Community.Benchmarks;

/// <summary>Direct SQL on the benchmark's database, outside EF (dataset checks, index maintenance, EXPLAIN).</summary>
internal sealed class Sql(string provider, string connectionString)
{
    public bool IsSqlite => provider == "Sqlite";

    public DbConnection Connect() => IsSqlite
        ? new SqliteConnection(connectionString + ";Pooling=False")
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64((await QueryAsync(sql, r => r.GetValue(0)))[0], System.Globalization.CultureInfo.InvariantCulture);

    public static Guid ReadGuid(DbDataReader r, int i) => r.GetValue(i) switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        var v => throw new InvalidCastException(v.GetType().Name),
    };

    /// <summary>The secondary indexes of the tables, (name, CREATE statement): dropped before a bulk load, made again after.</summary>
    public async Task<List<(string Name, string Create)>> SecondaryIndexesAsync(params string[] tables)
    {
        var inList = string.Join(", ", tables.Select(t => $"'{t}'"));
        return IsSqlite
            ? await QueryAsync($"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({inList}) ORDER BY name",
                r => (r.GetString(0), r.GetString(1)))
            : await QueryAsync($"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({inList}) AND indexname NOT LIKE 'PK\\_%' ORDER BY indexname",
                r => (r.GetString(0), r.GetString(1)));
    }
}
