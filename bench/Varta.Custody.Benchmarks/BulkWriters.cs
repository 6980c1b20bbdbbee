using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Varta.Custody.Benchmarks;

internal enum ColumnKind
{
    Uuid,
    Text,
    Int,
    Bool,
    Timestamp,
    Date,
    Decimal,
}

internal sealed record Column(string Name, ColumnKind Kind);

/// <summary>Writes rows straight into a table created by the migrations, bypassing EF and HTTP.</summary>
internal interface ITableWriter : IAsyncDisposable
{
    ValueTask AddAsync(object?[] row);

    Task CompleteAsync();
}

internal interface IBulkTarget : IAsyncDisposable
{
    string Name { get; }

    Task<ITableWriter> OpenAsync(string table, IReadOnlyList<Column> columns);

    /// <summary>Work after the load that the database needs to be in its normal state (statistics, checkpoint).</summary>
    Task FinishAsync(Action<string> log);
}

/// <summary>
/// SQLite: one prepared single-row INSERT per table, re-executed in large transactions (Microsoft.Data.Sqlite
/// binds parameters by name, a linear search per parameter, so multi-row statements with thousands of
/// parameters are slower, not faster), values stored exactly as EF
/// Core stores them (Guid as upper-case TEXT, DateTime as 'yyyy-MM-dd HH:mm:ss.FFFFFFF', bool as 0/1). The load
/// runs with the rollback journal and synchronous=OFF; the database is switched back to WAL afterwards (the
/// host also does so at every start).
/// </summary>
internal sealed class SqliteTarget : IBulkTarget
{
    private const int RowsPerStatement = 1;
    private const int RowsPerTransaction = 250_000;
    private readonly SqliteConnection _connection;

    private SqliteTarget(SqliteConnection connection) => _connection = connection;

    public string Name => "SQLite";

    public static async Task<SqliteTarget> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;";
        await command.ExecuteNonQueryAsync();
        return new SqliteTarget(connection);
    }

    public Task<ITableWriter> OpenAsync(string table, IReadOnlyList<Column> columns) =>
        Task.FromResult<ITableWriter>(new Writer(_connection, table, columns));

    public async Task FinishAsync(Action<string> log)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync();
        log("journal_mode back to WAL; no ANALYZE (Varta never runs it, so the planner works without sqlite_stat1, as in production)");
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    internal static string Guid(Guid g) => g.ToString().ToUpperInvariant();

    internal static string Timestamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static object ToSqlite(object? value, ColumnKind kind) => value switch
    {
        null => DBNull.Value,
        Guid g => Guid(g),
        DateTime t => Timestamp(t),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        decimal m => m.ToString("0.0###", CultureInfo.InvariantCulture),
        int i => (long)i,
        string s => s,
        _ => throw new InvalidOperationException($"{kind}: {value.GetType()}"),
    };

    private sealed class Writer : ITableWriter
    {
        private readonly SqliteConnection _connection;
        private readonly string _table;
        private readonly IReadOnlyList<Column> _columns;
        private readonly List<object?[]> _buffer = new(RowsPerStatement);
        private SqliteCommand? _batch;
        private SqliteTransaction? _transaction;
        private int _inTransaction;

        public Writer(SqliteConnection connection, string table, IReadOnlyList<Column> columns)
        {
            _connection = connection;
            _table = table;
            _columns = columns;
        }

        public async ValueTask AddAsync(object?[] row)
        {
            _buffer.Add(row);
            if (_buffer.Count == RowsPerStatement)
            {
                await FlushAsync();
            }
        }

        private SqliteCommand Build(int rows)
        {
            var sql = new StringBuilder($"INSERT INTO \"{_table}\" (");
            sql.AppendJoin(", ", _columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
            var command = _connection.CreateCommand();
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < _columns.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            return command;
        }

        private async Task FlushAsync()
        {
            if (_buffer.Count == 0)
            {
                return;
            }

            _transaction ??= _connection.BeginTransaction();
            SqliteCommand command;
            if (_buffer.Count == RowsPerStatement)
            {
                _batch ??= Build(RowsPerStatement);
                command = _batch;
            }
            else
            {
                command = Build(_buffer.Count);
            }

            command.Transaction = _transaction;
            var i = 0;
            foreach (var row in _buffer)
            {
                for (var c = 0; c < _columns.Count; c++)
                {
                    command.Parameters[i++].Value = ToSqlite(row[c], _columns[c].Kind);
                }
            }

            await command.ExecuteNonQueryAsync();
            if (command != _batch)
            {
                await command.DisposeAsync();
            }

            _inTransaction += _buffer.Count;
            _buffer.Clear();
            if (_inTransaction >= RowsPerTransaction)
            {
                await CommitAsync();
            }
        }

        private async Task CommitAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.CommitAsync();
                await _transaction.DisposeAsync();
                _transaction = null;
            }

            _inTransaction = 0;
        }

        public async Task CompleteAsync()
        {
            await FlushAsync();
            await CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_batch is not null)
            {
                await _batch.DisposeAsync();
            }

            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }
    }
}

/// <summary>PostgreSQL: one binary COPY per table (Npgsql's importer), then VACUUM (ANALYZE) as autovacuum would.</summary>
internal sealed class PostgresTarget : IBulkTarget
{
    private readonly NpgsqlConnection _connection;

    private PostgresTarget(NpgsqlConnection connection) => _connection = connection;

    public string Name => "PostgreSQL";

    public static async Task<PostgresTarget> OpenAsync(string connectionString)
    {
        // No timeout: a COPY's foreign-key checks all run when it completes (5 million of them for the entries).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        return new PostgresTarget(connection);
    }

    public async Task<ITableWriter> OpenAsync(string table, IReadOnlyList<Column> columns)
    {
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        return new Writer(await _connection.BeginBinaryImportAsync(copy), columns);
    }

    public async Task FinishAsync(Action<string> log)
    {
        foreach (var table in new[] { "platform_org_units", "custody_cells", "custody_persons", "custody_records", "custody_entries" })
        {
            await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) \"{table}\"", _connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", _connection) { CommandTimeout = 0 })
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        log("VACUUM (ANALYZE) of the loaded tables and a CHECKPOINT (what autovacuum and the checkpointer would do soon after a load)");
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private static NpgsqlDbType Type(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        ColumnKind.Text => NpgsqlDbType.Varchar,
        ColumnKind.Int => NpgsqlDbType.Integer,
        ColumnKind.Bool => NpgsqlDbType.Boolean,
        ColumnKind.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnKind.Date => NpgsqlDbType.Date,
        ColumnKind.Decimal => NpgsqlDbType.Numeric,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed class Writer(NpgsqlBinaryImporter importer, IReadOnlyList<Column> columns) : ITableWriter
    {
        private readonly NpgsqlDbType[] _types = columns.Select(c => Type(c.Kind)).ToArray();

        public async ValueTask AddAsync(object?[] row)
        {
            await importer.StartRowAsync();
            for (var c = 0; c < _types.Length; c++)
            {
                if (row[c] is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(row[c], _types[c]);
                }
            }
        }

        public async Task CompleteAsync() => await importer.CompleteAsync();

        public async ValueTask DisposeAsync() => await importer.DisposeAsync();
    }
}
