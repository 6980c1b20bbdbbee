using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Varta.Platform.Audit;

namespace Varta.Benchmarks;

/// <summary>
/// The reference: Microsoft.Data.Sqlite alone, one open connection, one prepared INSERT per transaction,
/// WAL and synchronous=FULL, into a table created from the very DDL the migration produced (same columns,
/// same indexes) and rows of the same values. No chaining, no EF Core, no DI: the cost of durability only.
/// </summary>
internal sealed class RawSqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _p;
    private readonly byte[] _hash = new byte[32];
    private long _seq;

    private RawSqliteWriter(SqliteConnection connection, SqliteCommand insert, SqliteParameter[] parameters)
    {
        _connection = connection;
        _insert = insert;
        _p = parameters;
    }

    public static RawSqliteWriter Create(string path, IEnumerable<string> ddl)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
        foreach (var statement in ddl)
        {
            Execute(connection, statement);
        }

        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO platform_audit_entries ("Seq", "OccurredAtUs", "RecordedAtUs", "ActorId", "ActorName", "Action",
              "Category", "ResourceType", "ResourceId", "OrgUnitId", "Reason", "Details", "Hash")
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)
            """;
        var parameters = Enumerable.Range(0, 13).Select(i => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        insert.Prepare();
        return new RawSqliteWriter(connection, insert, parameters);
    }

    public (string JournalMode, long Synchronous) Durability()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA synchronous";
        return (mode, (long)command.ExecuteScalar()!);
    }

    /// <summary>One durable INSERT: BEGIN, INSERT, COMMIT (fsync of the WAL).</summary>
    public void Insert(AuditRecord record, TimeProvider clock)
    {
        var now = AuditHasher.ToMicros(clock.GetUtcNow());
        var entry = AuditLog.ToEntry(record, ++_seq, now);
        RandomNumberGenerator.Fill(_hash);
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        _p[0].Value = entry.Seq;
        _p[1].Value = entry.OccurredAtUs;
        _p[2].Value = entry.RecordedAtUs;
        _p[3].Value = entry.ActorId;
        _p[4].Value = entry.ActorName;
        _p[5].Value = entry.Action;
        _p[6].Value = entry.Category;
        _p[7].Value = (object?)entry.ResourceType ?? DBNull.Value;
        _p[8].Value = (object?)entry.ResourceId ?? DBNull.Value;
        _p[9].Value = (object?)entry.OrgUnitId ?? DBNull.Value;
        _p[10].Value = (object?)entry.Reason ?? DBNull.Value;
        _p[11].Value = (object?)entry.Details ?? DBNull.Value;
        _p[12].Value = _hash;
        _insert.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
