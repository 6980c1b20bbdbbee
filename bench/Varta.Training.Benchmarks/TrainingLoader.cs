using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Varta.Training.Benchmarks;

/// <summary>Rows of one table, value by value in the order of the columns it was opened with.</summary>
internal interface IRowWriter : IDisposable
{
    void Uuid(Guid value);

    void UuidOrNull(Guid? value);

    void Text(string value);

    void Int(long value);

    void Real(double value);

    void Bool(bool value);

    /// <summary>A UTC instant.</summary>
    void Time(DateTime utc);

    void TimeOrNull(DateTime? utc);

    void EndRow();

    void Complete();
}

/// <summary>Where the generated rows go: straight into the tables the migrations created, bypassing EF and HTTP.</summary>
internal interface ILoadTarget : IDisposable
{
    string Name { get; }

    IRowWriter Open(string table, params string[] columns);

    /// <summary>Drops the secondary (non-key) indexes of the tables and returns the statements that recreate them.</summary>
    IReadOnlyList<(string Name, string Create)> DropSecondaryIndexes(params string[] tables);

    void Execute(string sql);

    /// <summary>Work after the load that the database needs to be in its normal state (journal, statistics, checkpoint).</summary>
    void Finish(string[] tables, Action<string> log);
}

/// <summary>
/// SQLite through SQLitePCLRaw directly: multi-row INSERT statements prepared once per table and bound by position,
/// executed in transactions of half a million rows, values stored exactly as EF Core stores them (Guid as upper-case
/// TEXT, instants as 'yyyy-MM-dd HH:mm:ss.FFFFFFF', booleans 0/1). The load runs with the rollback journal and
/// synchronous=OFF; the database goes back to WAL afterwards (the host sets it at every start anyway).
/// </summary>
internal sealed class SqliteLoad : ILoadTarget
{
    private const int RowsPerCommit = 500_000;
    private readonly SqliteConnection _connection;
    private int _sinceCommit;

    public SqliteLoad(string path)
    {
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-2097152; PRAGMA temp_store=MEMORY; PRAGMA threads=2;");
        Execute("BEGIN");
    }

    public string Name => "SQLite";

    private sqlite3 Db => _connection.Handle!;

    public void Execute(string sql)
    {
        var rc = raw.sqlite3_exec(Db, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(Db).utf8_to_string()} in {sql}");
        }
    }

    internal void Counted(int rows)
    {
        _sinceCommit += rows;
        if (_sinceCommit >= RowsPerCommit)
        {
            Execute("COMMIT; BEGIN");
            _sinceCommit = 0;
        }
    }

    public IRowWriter Open(string table, params string[] columns) => new Writer(this, table, columns);

    public IReadOnlyList<(string Name, string Create)> DropSecondaryIndexes(params string[] tables)
    {
        Execute("COMMIT");
        var found = new List<(string, string)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))}) ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            Execute($"DROP INDEX \"{name}\"");
        }

        Execute("BEGIN");
        return found;
    }

    public void Finish(string[] tables, Action<string> log)
    {
        Execute("COMMIT");
        Execute("PRAGMA journal_mode=WAL;");
        log("journal_mode back to WAL; no ANALYZE (Varta never runs it, so the planner works without sqlite_stat1, as in production)");
    }

    public void Dispose()
    {
        if (raw.sqlite3_get_autocommit(Db) == 0)
        {
            Execute("COMMIT");
        }

        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string table, string[] columns, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table}\" (");
        sql.AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var one = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? one : ", " + one);
        }

        var rc = raw.sqlite3_prepare_v2(db, sql.ToString(), out var statement);
        return rc == raw.SQLITE_OK ? statement : throw new InvalidOperationException($"prepare {table}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
    }

    /// <summary>Buffers one statement's worth of rows (no per-value allocation) and binds them when the statement is full.</summary>
    private sealed class Writer : IRowWriter
    {
        private const byte Null = 0, Integer = 1, Double = 2, Utf8 = 3;
        private readonly SqliteLoad _owner;
        private readonly string _table;
        private readonly string[] _columns;
        private readonly int _rowsPerStatement;
        private readonly sqlite3_stmt _full;
        private readonly byte[] _kinds;
        private readonly long[] _ints;
        private readonly double[] _reals;
        private readonly int[] _textAt;
        private readonly int[] _textLength;
        private byte[] _text = new byte[1 << 20];
        private int _textUsed;
        private int _slot;
        private int _rows;

        public Writer(SqliteLoad owner, string table, string[] columns)
        {
            _owner = owner;
            _table = table;
            _columns = columns;
            _rowsPerStatement = Math.Max(1, Math.Min(200, 30_000 / columns.Length));
            _full = Prepare(owner.Db, table, columns, _rowsPerStatement);
            var slots = _rowsPerStatement * columns.Length;
            _kinds = new byte[slots];
            _ints = new long[slots];
            _reals = new double[slots];
            _textAt = new int[slots];
            _textLength = new int[slots];
        }

        private Span<byte> Room(int bytes)
        {
            if (_textUsed + bytes > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + bytes));
            }

            return _text.AsSpan(_textUsed, bytes);
        }

        private void PutText(int written)
        {
            _kinds[_slot] = Utf8;
            _textAt[_slot] = _textUsed;
            _textLength[_slot] = written;
            _textUsed += written;
            _slot++;
        }

        public void Uuid(Guid value)
        {
            var room = Room(36);
            value.TryFormat(room, out var written, "D");
            for (var i = 0; i < written; i++)
            {
                if (room[i] is >= (byte)'a' and <= (byte)'f')
                {
                    room[i] -= 32;
                }
            }

            PutText(written);
        }

        public void UuidOrNull(Guid? value)
        {
            if (value is { } v)
            {
                Uuid(v);
            }
            else
            {
                _kinds[_slot++] = Null;
            }
        }

        public void Text(string value)
        {
            var room = Room(Encoding.UTF8.GetMaxByteCount(value.Length));
            PutText(Encoding.UTF8.GetBytes(value, room));
        }

        public void Int(long value)
        {
            _kinds[_slot] = Integer;
            _ints[_slot++] = value;
        }

        public void Real(double value)
        {
            _kinds[_slot] = Double;
            _reals[_slot++] = value;
        }

        public void Bool(bool value) => Int(value ? 1 : 0);

        public void Time(DateTime utc)
        {
            var room = Room(32);
            utc.TryFormat(room, out var written, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            PutText(written);
        }

        public void TimeOrNull(DateTime? utc)
        {
            if (utc is { } v)
            {
                Time(v);
            }
            else
            {
                _kinds[_slot++] = Null;
            }
        }

        public void EndRow()
        {
            _rows++;
            if (_slot != _rows * _columns.Length)
            {
                throw new InvalidOperationException($"{_table}: row {_rows} has {_slot - (_rows - 1) * _columns.Length} values for {_columns.Length} columns");
            }

            if (_rows == _rowsPerStatement)
            {
                Flush();
            }
        }

        private void Flush()
        {
            if (_rows == 0)
            {
                return;
            }

            var statement = _rows == _rowsPerStatement ? _full : Prepare(_owner.Db, _table, _columns, _rows);
            try
            {
                for (var s = 0; s < _slot; s++)
                {
                    var rc = _kinds[s] switch
                    {
                        Integer => raw.sqlite3_bind_int64(statement, s + 1, _ints[s]),
                        Double => raw.sqlite3_bind_double(statement, s + 1, _reals[s]),
                        Utf8 => raw.sqlite3_bind_text(statement, s + 1, _text.AsSpan(_textAt[s], _textLength[s])),
                        _ => raw.sqlite3_bind_null(statement, s + 1),
                    };
                    if (rc != raw.SQLITE_OK)
                    {
                        throw new InvalidOperationException($"bind {_table}: {rc}");
                    }
                }

                if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                {
                    throw new InvalidOperationException($"insert into {_table}: {raw.sqlite3_errmsg(_owner.Db).utf8_to_string()}");
                }

                raw.sqlite3_reset(statement);
            }
            finally
            {
                if (statement != _full)
                {
                    statement.Dispose();
                }
            }

            _owner.Counted(_rows);
            _rows = 0;
            _slot = 0;
            _textUsed = 0;
        }

        public void Complete() => Flush();

        public void Dispose() => _full.Dispose();
    }
}

/// <summary>PostgreSQL: one binary COPY per table (Npgsql's importer); afterwards VACUUM (ANALYZE) and a CHECKPOINT.</summary>
internal sealed class PostgresLoad : ILoadTarget
{
    private readonly NpgsqlConnection _connection;

    public PostgresLoad(string connectionString)
    {
        // No timeout: index builds and VACUUM over ten million rows take minutes on two cores.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        _connection.Open();
        Execute("SET maintenance_work_mem = '1GB'");
    }

    public string Name => "PostgreSQL";

    public void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    public IRowWriter Open(string table, params string[] columns) =>
        new Writer(_connection.BeginBinaryImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"));

    public IReadOnlyList<(string Name, string Create)> DropSecondaryIndexes(params string[] tables)
    {
        var found = new List<(string, string)>();
        using (var command = new NpgsqlCommand(
                   "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY(@t) " +
                   "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.indexname", _connection))
        {
            command.Parameters.AddWithValue("t", tables);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            Execute($"DROP INDEX \"{name}\"");
        }

        return found;
    }

    public void Finish(string[] tables, Action<string> log)
    {
        foreach (var table in tables)
        {
            Execute($"VACUUM (ANALYZE) \"{table}\"");
        }

        Execute("CHECKPOINT");
        log("VACUUM (ANALYZE) of the loaded tables and a CHECKPOINT (what autovacuum and the checkpointer would do soon after a load)");
    }

    public void Dispose() => _connection.Dispose();

    private sealed class Writer(NpgsqlBinaryImporter importer) : IRowWriter
    {
        private bool _inRow;

        private void Row()
        {
            if (!_inRow)
            {
                importer.StartRow();
                _inRow = true;
            }
        }

        public void Uuid(Guid value)
        {
            Row();
            importer.Write(value, NpgsqlDbType.Uuid);
        }

        public void UuidOrNull(Guid? value)
        {
            if (value is { } v)
            {
                Uuid(v);
            }
            else
            {
                Row();
                importer.WriteNull();
            }
        }

        public void Text(string value)
        {
            Row();
            importer.Write(value, NpgsqlDbType.Varchar);
        }

        public void Int(long value)
        {
            Row();
            importer.Write(checked((int)value), NpgsqlDbType.Integer);
        }

        public void Real(double value)
        {
            Row();
            importer.Write(value, NpgsqlDbType.Double);
        }

        public void Bool(bool value)
        {
            Row();
            importer.Write(value, NpgsqlDbType.Boolean);
        }

        public void Time(DateTime utc)
        {
            Row();
            importer.Write(DateTime.SpecifyKind(utc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
        }

        public void TimeOrNull(DateTime? utc)
        {
            if (utc is { } v)
            {
                Time(v);
            }
            else
            {
                Row();
                importer.WriteNull();
            }
        }

        public void EndRow() => _inRow = false;

        public void Complete() => importer.Complete();

        public void Dispose() => importer.Dispose();
    }
}
