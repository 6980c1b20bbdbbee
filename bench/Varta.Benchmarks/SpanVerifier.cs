using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Varta.Platform.Audit;

namespace Varta.Benchmarks;

/// <summary>
/// A prototype of a faster SQLite verifier, for comparison only (the platform's is <see cref="AuditVerifier"/>).
/// It reads every text column as the UTF-8 bytes SQLite already holds (sqlite3_column_blob: a span into the
/// page, no string, no copy to UTF-16 and back), writes the canonical form straight into one reused buffer and
/// hashes it with one reused IncrementalHash. Same chain rule, same partitioning by sequence range.
/// </summary>
internal static class SpanVerifier
{
    public const string Select =
        "SELECT \"Seq\", \"OccurredAtUs\", \"RecordedAtUs\", \"ActorId\", \"ActorName\", \"Action\", \"Category\", " +
        "\"ResourceType\", \"ResourceId\", \"OrgUnitId\", \"Reason\", \"Details\", \"Hash\" FROM platform_audit_entries " +
        "WHERE \"Seq\" BETWEEN $from AND $to ORDER BY \"Seq\"";

    private static readonly byte[] Magic = "VA1"u8.ToArray();

    /// <summary>First sequence number that fails, or null when 1..max all check out.</summary>
    public static async Task<long?> VerifyAsync(string connectionString, long max, int partitions, bool mmap = false)
    {
        var size = (max + partitions - 1) / partitions;
        var tasks = new List<Task<long?>>();
        for (long from = 1; from <= max; from += size)
        {
            var start = from;
            var end = Math.Min(max, from + size - 1);
            tasks.Add(Task.Run(() => VerifyRange(connectionString, start, end, hash: true, mmap)));
        }

        var results = await Task.WhenAll(tasks);
        return results.FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// With hash=false the rows are read and the canonical bytes built, but nothing is hashed. With mmap the
    /// connection maps the file (PRAGMA mmap_size) instead of copying every page in through read().
    /// </summary>
    public static long? VerifyRange(string connectionString, long from, long to, bool hash, bool mmap = false)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = mmap ? "PRAGMA mmap_size=4294967296" : "PRAGMA mmap_size=0";
            pragma.ExecuteNonQuery();
        }

        var previous = new byte[32];
        if (from > 1)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Hash\" FROM platform_audit_entries WHERE \"Seq\" = {from - 1}";
            if (command.ExecuteScalar() is not byte[] stored)
            {
                return from - 1;
            }

            previous = stored;
        }

        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, Select, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_int64(statement, 1, from));
            Check(db, raw.sqlite3_bind_int64(statement, 2, to));
            var buffer = new byte[4096];
            var computed = new byte[32];
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var expected = from;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var seq = raw.sqlite3_column_int64(statement, 0);
                if (seq != expected)
                {
                    return expected;
                }

                var length = Canonical(statement, previous, ref buffer);
                if (hash)
                {
                    sha.AppendData(buffer, 0, length);
                    sha.GetHashAndReset(computed);
                    if (!raw.sqlite3_column_blob(statement, 12).SequenceEqual(computed))
                    {
                        return seq;
                    }

                    (previous, computed) = (computed, previous);
                }

                expected++;
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(db, rc);
            }

            return expected <= to ? expected : null;
        }
    }

    /// <summary>previous || "VA1" || seq, occurredUs, recordedUs (int64 BE) || 9 × (int32 BE length or -1, UTF-8 bytes).</summary>
    private static int Canonical(sqlite3_stmt statement, ReadOnlySpan<byte> previous, ref byte[] buffer)
    {
        previous.CopyTo(buffer);
        Magic.CopyTo(buffer.AsSpan(32));
        var at = 35;
        for (var c = 0; c < 3; c++)
        {
            BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(at), raw.sqlite3_column_int64(statement, c));
            at += 8;
        }

        for (var c = 3; c < 12; c++)
        {
            // Only an empty span can be NULL, so the type is asked for only then (one native call fewer per column).
            var text = raw.sqlite3_column_blob(statement, c);
            var isNull = text.IsEmpty && raw.sqlite3_column_type(statement, c) == raw.SQLITE_NULL;
            if (at + 4 + text.Length > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, at + 4 + text.Length));
            }

            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), isNull ? -1 : text.Length);
            text.CopyTo(buffer.AsSpan(at + 4));
            at += 4 + text.Length;
        }

        return at;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
