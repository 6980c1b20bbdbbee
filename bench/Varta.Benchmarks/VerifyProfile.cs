using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Varta.Platform.Audit;

namespace Varta.Benchmarks;

/// <summary>
/// Where verification time goes, on one thread: reading rows the way <see cref="AuditVerifier"/> does, reading
/// them as UTF-8 bytes instead, the canonical encoding + SHA-256 alone (rows already in memory), and SHA-256 alone.
/// </summary>
internal sealed class VerifyProfile(BenchHost host)
{
    private const int Trials = 3;

    public List<(string Stage, double RowsPerSecond, double CpuNsPerRow)> Results { get; } = [];

    public long Rows { get; private set; }

    public long AverageCanonicalBytes { get; private set; }

    /// <summary>Median time of the SELECT COUNT(*) that VerifyAsync runs before it starts (a full index scan on SQLite).</summary>
    public double CountMs { get; private set; }

    public long CountRows { get; private set; }

    public void Run(long rows)
    {
        Rows = rows;
        TimeCount();
        Measure("read only: ADO.NET, text as string (as VerifyAsync does on PostgreSQL)", rows, () => ReadStrings(rows, hash: false));
        Measure("read only: ADO.NET, text via GetBytes into a buffer", rows, () => ReadBytes(rows));
        Measure("read only: SQLitePCL spans + canonical bytes built", rows,
            () => SpanVerifier.VerifyRange(host.ConnectionString, 1, rows, hash: false));
        Measure("read only: SQLitePCL spans + canonical bytes, mmap_size=4 GiB", rows,
            () => SpanVerifier.VerifyRange(host.ConnectionString, 1, rows, hash: false, mmap: true));
        Measure("read + hash: ADO.NET strings + AuditHasher (VerifyAsync's PostgreSQL path, 1 partition)", rows, () => ReadStrings(rows, hash: true));
        Measure("read + hash: SQLitePCL spans + .NET IncrementalHash (prototype, 1 partition)", rows,
            () => SpanVerifier.VerifyRange(host.ConnectionString, 1, rows, hash: true));
        Measure("read + hash: SQLitePCL spans + .NET IncrementalHash, mmap (prototype, 1 partition)", rows,
            () => SpanVerifier.VerifyRange(host.ConnectionString, 1, rows, hash: true, mmap: true));
        Measure("read + hash: SQLitePCL spans + ChainSha256, mmap (VerifyAsync's portable SQLite reader, 1 partition)", rows,
            () => AuditVerifier.VerifySqliteRange(host.ConnectionString, 1, rows, CancellationToken.None, portable: true));
        Measure($"read + hash: e_sqlite3 direct + ChainSha256, mmap (= VerifyAsync on SQLite, 1 partition; direct: {NativeRows.Available})", rows,
            () => AuditVerifier.VerifySqliteRange(host.ConnectionString, 1, rows, CancellationToken.None));

        var inMemory = (int)Math.Min(rows, 300_000);
        var entries = Load(inMemory);
        Measure("hash only: AuditHasher (UTF-16→UTF-8 + SHA-256), rows in memory", inMemory, () => HashEntries(entries));
        var canonical = entries.Select(e => Canonical(e)).ToArray();
        AverageCanonicalBytes = (long)canonical.Average(c => c.Length);
        Measure("hash only: .NET SHA256.HashData of ready canonical bytes", inMemory, () => HashBytes(canonical));
        Measure($"hash only: ChainSha256 of ready canonical bytes (libcrypto SHA256_Init/Update/Final direct: {ChainSha256.IsNative})", inMemory,
            () => HashBytesChain(canonical));
    }

    private void Measure(string stage, long rows, Action work)
    {
        var samples = new List<double>();
        var cpu = new List<double>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var started = Stopwatch.GetTimestamp();
            var cpu0 = Stats.Cpu();
            work();
            samples.Add(rows / Stopwatch.GetElapsedTime(started).TotalSeconds);
            cpu.Add((Stats.Cpu() - cpu0).TotalNanoseconds / rows);
        }

        var median = Stats.Median(samples);
        var cpuNs = Stats.Median(cpu);
        Results.Add((stage, median, cpuNs));
        Console.WriteLine($"profile: {stage}: {median:N0} rows/s ({1e9 / median:F0} ns/row wall, {cpuNs:F0} ns/row CPU)");
    }

    private void TimeCount()
    {
        var samples = new List<double>();
        for (var trial = 0; trial < Trials; trial++)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"platform_audit_entries\"";
            var started = Stopwatch.GetTimestamp();
            CountRows = (long)command.ExecuteScalar()!;
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        CountMs = Stats.Median(samples);
        Console.WriteLine($"profile: SELECT COUNT(*) over {CountRows:N0} rows: {CountMs:F0} ms");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(host.ConnectionString);
        connection.Open();
        return connection;
    }

    private SqliteDataReader Query(SqliteConnection connection, long rows)
    {
        var command = connection.CreateCommand();
        command.CommandText = SpanVerifier.Select;
        command.Parameters.AddWithValue("$from", 1L);
        command.Parameters.AddWithValue("$to", rows);
        return command.ExecuteReader();
    }

    /// <summary>The platform verifier's per-row work, with or without the hash.</summary>
    private void ReadStrings(long rows, bool hash)
    {
        using var connection = Open();
        using var reader = Query(connection, rows);
        var hasher = new AuditHasher();
        var computed = new byte[32];
        var stored = new byte[32];
        var previous = new byte[32];
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            long occurred = reader.GetInt64(1), recorded = reader.GetInt64(2);
            string actorId = reader.GetString(3), actorName = reader.GetString(4), action = reader.GetString(5), category = reader.GetString(6);
            string? type = Text(reader, 7), id = Text(reader, 8), unit = Text(reader, 9), reason = Text(reader, 10), details = Text(reader, 11);
            reader.GetBytes(12, 0, stored, 0, 32);
            if (hash)
            {
                hasher.Hash(previous, seq, occurred, recorded, actorId, actorName, action, category, type, id, unit, reason, details, computed);
                if (!computed.AsSpan().SequenceEqual(stored))
                {
                    throw new InvalidOperationException($"profile: chain broken at {seq}");
                }

                (previous, computed) = (computed, previous);
            }
        }
    }

    private void ReadBytes(long rows)
    {
        using var connection = Open();
        using var reader = Query(connection, rows);
        var buffer = new byte[8192];
        var stored = new byte[32];
        long total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(0) + reader.GetInt64(1) + reader.GetInt64(2);
            for (var c = 3; c < 12; c++)
            {
                if (!reader.IsDBNull(c))
                {
                    total += reader.GetBytes(c, 0, buffer, 0, buffer.Length);
                }
            }

            reader.GetBytes(12, 0, stored, 0, 32);
        }

        GC.KeepAlive(total);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private List<AuditEntry> Load(int rows)
    {
        using var connection = Open();
        using var reader = Query(connection, rows);
        var entries = new List<AuditEntry>(rows);
        while (reader.Read())
        {
            entries.Add(new AuditEntry
            {
                Seq = reader.GetInt64(0), OccurredAtUs = reader.GetInt64(1), RecordedAtUs = reader.GetInt64(2),
                ActorId = reader.GetString(3), ActorName = reader.GetString(4), Action = reader.GetString(5), Category = reader.GetString(6),
                ResourceType = Text(reader, 7), ResourceId = Text(reader, 8), OrgUnitId = Text(reader, 9),
                Reason = Text(reader, 10), Details = Text(reader, 11), Hash = (byte[])reader.GetValue(12),
            });
        }

        return entries;
    }

    private static void HashEntries(List<AuditEntry> entries)
    {
        var hasher = new AuditHasher();
        var computed = new byte[32];
        var previous = new byte[32];
        foreach (var e in entries)
        {
            hasher.Hash(previous, e.Seq, e.OccurredAtUs, e.RecordedAtUs, e.ActorId, e.ActorName, e.Action, e.Category,
                e.ResourceType, e.ResourceId, e.OrgUnitId, e.Reason, e.Details, computed);
            if (!computed.AsSpan().SequenceEqual(e.Hash))
            {
                throw new InvalidOperationException($"profile: chain broken at {e.Seq}");
            }

            (previous, computed) = (computed, previous);
        }
    }

    private static void HashBytes(byte[][] canonical)
    {
        Span<byte> computed = stackalloc byte[32];
        foreach (var bytes in canonical)
        {
            SHA256.HashData(bytes, computed);
        }
    }

    private static void HashBytesChain(byte[][] canonical)
    {
        Span<byte> computed = stackalloc byte[32];
        foreach (var bytes in canonical)
        {
            ChainSha256.Hash(bytes, computed);
        }
    }

    /// <summary>The canonical form without the previous hash's 32 bytes replaced (they are hashed all the same).</summary>
    private static byte[] Canonical(AuditEntry e)
    {
        using var stream = new MemoryStream();
        Span<byte> number = stackalloc byte[8];
        stream.Write(new byte[32]);
        stream.Write("VA1"u8);
        foreach (var value in new[] { e.Seq, e.OccurredAtUs, e.RecordedAtUs })
        {
            BinaryPrimitives.WriteInt64BigEndian(number, value);
            stream.Write(number);
        }

        foreach (var text in new[] { e.ActorId, e.ActorName, e.Action, e.Category, e.ResourceType, e.ResourceId, e.OrgUnitId, e.Reason, e.Details })
        {
            var bytes = text is null ? [] : Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32BigEndian(number, text is null ? -1 : bytes.Length);
            stream.Write(number[..4]);
            stream.Write(bytes);
        }

        return stream.ToArray();
    }
}
