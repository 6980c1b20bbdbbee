using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

public sealed record AuditVerification(long Count, bool Valid, string HeadHash, long? FirstInvalidSeq);

/// <summary>
/// The database judged against a checkpoint kept outside it: <c>same</c> (the chain still ends there), <c>extends</c>
/// (the chain grew from it), or a failure — <c>bad-signature</c>, <c>broken-chain</c>, <c>truncated</c> (fewer entries than
/// the checkpoint saw), <c>contradicts</c> (entry <see cref="FailedSeq"/> is not the one the checkpoint signed).
/// </summary>
public sealed record CheckpointVerdict(bool Valid, string Verdict, long TreeSize, long ChainSize, long? FailedSeq);

/// <summary>
/// Recomputes the whole chain straight from the table. Sequence numbers must run 1..n without a gap and
/// every stored hash must equal SHA-256(previous hash || canonical entry). The range is cut into
/// partitions verified in parallel: each starts from the stored hash of the row before it, and that hash is
/// itself checked by the partition before.
/// </summary>
public sealed class AuditVerifier(IServiceScopeFactory scopes)
{
    private const string Columns =
        "\"Seq\", \"OccurredAtUs\", \"RecordedAtUs\", \"ActorId\", \"ActorName\", \"Action\", \"Category\", " +
        "\"ResourceType\", \"ResourceId\", \"OrgUnitId\", \"Reason\", \"Details\", \"Hash\"";

    public async Task<AuditVerification> VerifyAsync(int? partitions = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        // The stored checkpoints first: any of them then names a tree no larger than the one read next.
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().ToListAsync(cancellationToken);

        // Count and highest sequence in one statement, so one snapshot: read apart, an entry appended between them (the
        // host keeps writing while it is verified) would look like a hole in the chain.
        var stats = await db.AuditEntries.GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Max = g.Max(e => e.Seq) })
            .FirstOrDefaultAsync(cancellationToken) ?? new { Count = 0L, Max = 0L };
        if (stats.Count == 0)
        {
            var lost = checkpoints.Count > 0;
            return new AuditVerification(0, !lost, Convert.ToHexStringLower(AuditHasher.Genesis), lost ? 1 : null);
        }

        var head = await db.AuditEntries.Where(e => e.Seq == stats.Max).Select(e => e.Hash).SingleAsync(cancellationToken);
        var parts = Math.Max(1, partitions ?? Environment.ProcessorCount);
        var size = (stats.Max + parts - 1) / parts;
        var connectionString = db.Database.GetConnectionString()!;
        var connection = db.Database.GetDbConnection();
        var tasks = new List<Task<long?>>();
        for (long from = 1; from <= stats.Max; from += size)
        {
            var start = from;
            var end = Math.Min(stats.Max, from + size - 1);
            tasks.Add(connection is SqliteConnection
                ? Task.Run(() => VerifySqliteRange(connectionString, start, end, cancellationToken), cancellationToken)
                : Task.Run(() => VerifyRangeAsync(connection, connectionString, start, end, cancellationToken), cancellationToken));
        }

        var results = await Task.WhenAll(tasks);
        long? firstInvalid = results.FirstOrDefault(r => r is not null);
        if (firstInvalid is null && stats.Count != stats.Max)
        {
            firstInvalid = 1; // rows outside 1..max: the chain cannot be what it claims.
        }

        firstInvalid = Min(firstInvalid, await CheckCheckpointsAsync(db, checkpoints, stats.Max, cancellationToken));
        return new AuditVerification(stats.Count, firstInvalid is null, Convert.ToHexStringLower(head), firstInvalid);
    }

    /// <summary>
    /// Checks the database against a checkpoint kept elsewhere (an exported file, a monitor's copy): its signature,
    /// then the whole chain, then that the chain's entry at the checkpoint's size still has the hash it signed. A chain
    /// rewritten consistently from some sequence, with the checkpoints stored in the database deleted, fails here.
    /// </summary>
    public async Task<CheckpointVerdict> VerifyAgainstAsync(AuditCheckpointDto checkpoint, CancellationToken cancellationToken = default)
    {
        if (!checkpoint.SignatureIsValid())
        {
            return new CheckpointVerdict(false, "bad-signature", checkpoint.TreeSize, 0, null);
        }

        var chain = await VerifyAsync(null, cancellationToken);
        if (!chain.Valid)
        {
            return new CheckpointVerdict(false, "broken-chain", checkpoint.TreeSize, chain.Count, chain.FirstInvalidSeq);
        }

        if (chain.Count < checkpoint.TreeSize)
        {
            return new CheckpointVerdict(false, "truncated", checkpoint.TreeSize, chain.Count, chain.Count + 1);
        }

        if (checkpoint.TreeSize == 0)
        {
            return new CheckpointVerdict(true, chain.Count == 0 ? "same" : "extends", 0, chain.Count, null);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var hash = await db.AuditEntries.Where(e => e.Seq == checkpoint.TreeSize).Select(e => e.Hash).SingleAsync(cancellationToken);
        return !string.Equals(Convert.ToHexStringLower(hash), checkpoint.RootHash, StringComparison.OrdinalIgnoreCase)
            ? new CheckpointVerdict(false, "contradicts", checkpoint.TreeSize, chain.Count, checkpoint.TreeSize)
            : new CheckpointVerdict(true, chain.Count == checkpoint.TreeSize ? "same" : "extends", checkpoint.TreeSize, chain.Count, null);
    }

    /// <summary>
    /// A stored signed checkpoint pins the hash at its size: a tail rewritten consistently, or cut off,
    /// is caught here even though the rewritten chain is internally sound.
    /// </summary>
    private static async Task<long?> CheckCheckpointsAsync(VartaDbContext db, List<AuditCheckpoint> checkpoints, long max, CancellationToken ct)
    {
        long? first = null;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.TreeSize > max)
            {
                first = Min(first, max + 1);
                continue;
            }

            var hash = await db.AuditEntries.Where(e => e.Seq == checkpoint.TreeSize).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (hash is null || !hash.AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                first = Min(first, checkpoint.TreeSize);
            }
        }

        return first;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static async Task<long?> VerifyRangeAsync(DbConnection template, string connectionString, long from, long to, CancellationToken ct)
    {
        await using var connection = DbProviderFactories.GetFactory(template)!.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
        var previous = AuditHasher.Genesis;
        if (from > 1)
        {
            await using var prevCommand = connection.CreateCommand();
            prevCommand.CommandText = $"SELECT \"Hash\" FROM platform_audit_entries WHERE \"Seq\" = {from - 1}";
            if (await prevCommand.ExecuteScalarAsync(ct) is not byte[] stored)
            {
                return from - 1;
            }

            previous = stored;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM platform_audit_entries WHERE \"Seq\" BETWEEN {from} AND {to} ORDER BY \"Seq\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hasher = new AuditHasher();
        var computed = new byte[32];
        var stored32 = new byte[32];
        var prev = previous.ToArray();
        var expected = from;
        while (await reader.ReadAsync(ct))
        {
            var seq = reader.GetInt64(0);
            if (seq != expected)
            {
                return expected;
            }

            hasher.Hash(prev, seq, reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), Text(reader, 7), Text(reader, 8), Text(reader, 9),
                Text(reader, 10), Text(reader, 11), computed);
            var length = reader.GetBytes(12, 0, stored32, 0, 32);
            if (length != 32 || !computed.AsSpan().SequenceEqual(stored32))
            {
                return seq;
            }

            (prev, computed) = (computed, prev);
            expected++;
        }

        return expected <= to ? expected : null;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// The same check as <see cref="VerifyRangeAsync"/>, for SQLite, without materialising a string: every
    /// text column is read as the UTF-8 bytes SQLite holds (a span into its page) and handed to the same
    /// <see cref="AuditHasher"/> that writes the chain, which builds the canonical form in one reused buffer. This is what makes a
    /// full-chain check run at about a million entries a second on two cores (BENCHMARKS.md).
    /// </summary>
    internal static long? VerifySqliteRange(string connectionString, long from, long to, CancellationToken ct, bool portable = false)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA mmap_size=1073741824"); // reads map the file instead of copying each page
        try
        {
            var previous = new byte[32];
            if (from > 1)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"Hash\" FROM platform_audit_entries WHERE \"Seq\" = {from - 1}";
                if (command.ExecuteScalar() is not byte[] stored || stored.Length != 32)
                {
                    return from - 1;
                }

                previous = stored;
            }

            var db = connection.Handle!;
            var sql = $"SELECT {Columns} FROM platform_audit_entries WHERE \"Seq\" BETWEEN {from} AND {to} ORDER BY \"Seq\"";
            SqliteCheck(db, SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
            using (statement)
            {
                if (portable || !NativeRows.Available)
                {
                    var pcl = new PclRows(statement);
                    return VerifyRows(ref pcl, db, previous, from, to, ct);
                }

                var added = false;
                statement.DangerousAddRef(ref added);
                try
                {
                    var native = new NativeRows(statement.DangerousGetHandle());
                    return VerifyRows(ref native, db, previous, from, to, ct);
                }
                finally
                {
                    if (added)
                    {
                        statement.DangerousRelease();
                    }
                }
            }
        }
        finally
        {
            Execute(connection, "PRAGMA mmap_size=0"); // the connection goes back to the pool
        }
    }

    private static long? VerifyRows<TRows>(ref TRows rows, SQLitePCL.sqlite3 db, byte[] previous, long from, long to, CancellationToken ct)
        where TRows : struct, ISqliteRows
    {
        var hasher = new AuditHasher();
        var computed = new byte[32];
        var expected = from;
        int rc;
        while ((rc = rows.Step()) == SQLitePCL.raw.SQLITE_ROW)
        {
            var seq = rows.Int64(0);
            if (seq != expected)
            {
                return expected;
            }

            if ((seq & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            hasher.Begin(previous, seq, rows.Int64(1), rows.Int64(2));
            for (var c = 3; c < 12; c++)
            {
                // Only an empty value can be NULL, so the type is asked for only then.
                var text = rows.Bytes(c);
                hasher.AppendUtf8(text, text.IsEmpty && rows.IsNull(c));
            }

            hasher.Finish(computed);
            if (!rows.Bytes(12).SequenceEqual(computed))
            {
                return seq;
            }

            (previous, computed) = (computed, previous);
            expected++;
        }

        if (rc != SQLitePCL.raw.SQLITE_DONE)
        {
            SqliteCheck(db, rc);
        }

        return expected <= to ? expected : null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void SqliteCheck(SQLitePCL.sqlite3 db, int rc)
    {
        if (rc != SQLitePCL.raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite error {rc}: {SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
