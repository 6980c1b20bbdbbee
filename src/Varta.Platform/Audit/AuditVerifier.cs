using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

public sealed record AuditVerification(long Count, bool Valid, string HeadHash, long? FirstInvalidSeq);

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
        var count = await db.AuditEntries.LongCountAsync(cancellationToken);
        var max = await db.AuditEntries.MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        var stats = new { Count = count, Max = max };
        if (count == 0)
        {
            var lost = await db.AuditCheckpoints.AnyAsync(cancellationToken);
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
            tasks.Add(Task.Run(() => VerifyRangeAsync(connection, connectionString, start, end, cancellationToken), cancellationToken));
        }

        var results = await Task.WhenAll(tasks);
        long? firstInvalid = results.FirstOrDefault(r => r is not null);
        if (firstInvalid is null && stats.Count != stats.Max)
        {
            firstInvalid = 1; // rows outside 1..max: the chain cannot be what it claims.
        }

        firstInvalid = Min(firstInvalid, await CheckCheckpointsAsync(db, stats.Max, cancellationToken));
        return new AuditVerification(stats.Count, firstInvalid is null, Convert.ToHexStringLower(head), firstInvalid);
    }

    /// <summary>
    /// A stored signed checkpoint pins the hash at its size: a tail rewritten consistently, or cut off,
    /// is caught here even though the rewritten chain is internally sound.
    /// </summary>
    private static async Task<long?> CheckCheckpointsAsync(VartaDbContext db, long max, CancellationToken ct)
    {
        long? first = null;
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().ToListAsync(ct);
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
}
