using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>
/// Appends queued audit records to the chain inside the caller's transaction. One writer at a time: a
/// process-wide lock, plus a PostgreSQL advisory lock so that several hosts sharing one database still
/// form a single chain.
/// </summary>
public sealed class AuditChain(TimeProvider clock) : IDisposable
{
    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(370463102017)"; // 0x5641525441, "VARTA"

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Numbers new feed rows after the highest stored, while no other writer can commit.</summary>
    private static async Task SequenceFeedRowsAsync(VartaDbContext db, CancellationToken ct)
    {
        var byType = db.ChangeTracker.Entries<ISequenced>().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata);
        foreach (var group in byType)
        {
            var table = group.Key.GetTableName();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT MAX(\"Seq\") FROM \"{table}\"";
            var max = await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            foreach (var entry in group)
            {
                entry.Entity.Seq = ++max;
            }
        }
    }

    internal async Task<int> SaveWithAuditAsync(VartaDbContext db, List<AuditRecord> pending,
        Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        var added = new List<AuditEntry>(pending.Count);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync(PostgresLockSql, cancellationToken);
            }

            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var seq = head?.Seq ?? 0;
            var previous = head?.Hash ?? AuditHasher.Genesis;
            var recordedUs = AuditHasher.ToMicros(clock.GetUtcNow());
            var hasher = new AuditHasher();
            foreach (var record in pending)
            {
                var entry = AuditLog.ToEntry(record, ++seq, recordedUs);
                entry.Hash = hasher.Hash(previous, entry);
                previous = entry.Hash;
                added.Add(entry);
            }

            await SequenceFeedRowsAsync(db, cancellationToken);
            db.AuditEntries.AddRange(added);
            var written = await save(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            pending.Clear();
            return written;
        }
        catch
        {
            // Leave the unit of work as it was before the attempt: the records stay queued, unchained.
            foreach (var entry in added)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            _gate.Release();
        }
    }
}
