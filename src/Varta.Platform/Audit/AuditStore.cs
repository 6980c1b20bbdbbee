using System.Data;
using System.Data.Common;

namespace Varta.Platform.Audit;

/// <summary>
/// The chain's two statements in plain ADO.NET: read the head, insert entries. Used inside the caller's
/// transaction while <see cref="AuditChain"/> holds the writer lock. Audit rows never go through the EF
/// change tracker: nothing reads them back in the same unit of work, and the tracker costs more than the
/// insert.
/// </summary>
internal static class AuditStore
{
    private const string HeadSql = "SELECT \"Seq\", \"Hash\" FROM platform_audit_entries ORDER BY \"Seq\" DESC LIMIT 1";

    private const string Columns =
        "\"Seq\", \"OccurredAtUs\", \"RecordedAtUs\", \"ActorId\", \"ActorName\", \"Action\", \"Category\", " +
        "\"ResourceType\", \"ResourceId\", \"OrgUnitId\", \"Reason\", \"Details\", \"Hash\"";

    private const int ColumnCount = 13;

    /// <summary>Rows per multi-row INSERT on PostgreSQL (one round trip each).</summary>
    private const int PostgresChunk = 200;

    /// <summary>Reads the head; <paramref name="lockSql"/>, when given, runs first in the same round trip.</summary>
    public static async Task<(long Seq, byte[] Hash)> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, string? lockSql,
        CancellationToken ct) => (await ReadHeadAndMaximaAsync(connection, transaction, lockSql, [], ct)).Head;

    /// <summary>
    /// In one round trip: the lock (when given), the chain's head, and the highest "Seq" of each feed table
    /// (0 when empty), in the order the tables are given.
    /// </summary>
    public static async Task<((long Seq, byte[] Hash) Head, long[] Maxima)> ReadHeadAndMaximaAsync(DbConnection connection,
        DbTransaction? transaction, string? lockSql, IReadOnlyList<string> feedTables, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder();
        if (lockSql is not null)
        {
            sql.Append(lockSql).Append(";\n");
        }

        sql.Append(HeadSql);
        foreach (var table in feedTables)
        {
            sql.Append(";\nSELECT COALESCE(MAX(\"Seq\"), 0) FROM \"").Append(table).Append('"');
        }

        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (lockSql is not null && !await reader.NextResultAsync(ct))
        {
            throw new InvalidOperationException("The audit head query returned no result.");
        }

        var head = await reader.ReadAsync(ct) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0L, AuditHasher.Genesis);
        var maxima = new long[feedTables.Count];
        for (var i = 0; i < feedTables.Count; i++)
        {
            if (!await reader.NextResultAsync(ct) || !await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException($"No maximum was read for {feedTables[i]}.");
            }

            maxima[i] = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (head, maxima);
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<AuditEntry> entries,
        bool postgres, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (postgres)
        {
            for (var start = 0; start < entries.Count; start += PostgresChunk)
            {
                var rows = Math.Min(PostgresChunk, entries.Count - start);
                await using var command = Command(connection, transaction, rows);
                for (var r = 0; r < rows; r++)
                {
                    Bind(command, r * ColumnCount, entries[start + r]);
                }

                await command.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        // SQLite: one prepared single-row statement, re-bound per row, is its fastest form.
        await using var single = Command(connection, transaction, 1);
        foreach (var entry in entries)
        {
            Bind(single, 0, entry);
            await single.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder($"INSERT INTO platform_audit_entries ({Columns}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < ColumnCount; c++)
            {
                var name = $"@p{(r * ColumnCount) + c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = c switch
                {
                    < 3 => DbType.Int64,
                    12 => DbType.Binary,
                    _ => DbType.String,
                };
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static void Bind(DbCommand command, int at, AuditEntry e)
    {
        var p = command.Parameters;
        p[at].Value = e.Seq;
        p[at + 1].Value = e.OccurredAtUs;
        p[at + 2].Value = e.RecordedAtUs;
        p[at + 3].Value = e.ActorId;
        p[at + 4].Value = e.ActorName;
        p[at + 5].Value = e.Action;
        p[at + 6].Value = e.Category;
        p[at + 7].Value = (object?)e.ResourceType ?? DBNull.Value;
        p[at + 8].Value = (object?)e.ResourceId ?? DBNull.Value;
        p[at + 9].Value = (object?)e.OrgUnitId ?? DBNull.Value;
        p[at + 10].Value = (object?)e.Reason ?? DBNull.Value;
        p[at + 11].Value = (object?)e.Details ?? DBNull.Value;
        p[at + 12].Value = e.Hash;
    }
}
