using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>
/// Appends queued audit records to the chain inside the caller's transaction. One writer at a time: a
/// process-wide lock, plus a PostgreSQL advisory lock so that several hosts sharing one database still
/// form a single chain (on SQLite the database's own write lock, taken by BEGIN IMMEDIATE, does that).
/// </summary>
public sealed class AuditChain(TimeProvider clock) : IDisposable
{
    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(370463102017)"; // 0x5641525441, "VARTA"

    private const string Savepoint = "varta_audit";

    /// <summary>Up to this many audit rows of one save are batched by EF Core on PostgreSQL.</summary>
    private const int TrackedLimit = 16;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>New feed rows, by table: they are numbered after the highest stored, while no other writer can commit.</summary>
    private static List<(string Table, List<ISequenced> Rows)> NewFeedRows(VartaDbContext db) =>
        db.ChangeTracker.Entries<ISequenced>().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata)
            .Select(g => (g.Key.GetTableName()!, g.Select(e => e.Entity).ToList())).ToList();

    /// <summary>Chains the records onto the head read under the lock; the entries are not yet stored.</summary>
    private List<AuditEntry> Chain(List<AuditRecord> pending, (long Seq, byte[] Hash) head)
    {
        var (seq, previous) = head;
        var recordedUs = AuditHasher.ToMicros(clock.GetUtcNow());
        var hasher = new AuditHasher();
        var entries = new List<AuditEntry>(pending.Count);
        foreach (var record in pending)
        {
            var entry = AuditLog.ToEntry(record, ++seq, recordedUs);
            entry.Hash = hasher.Hash(previous, entry);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    internal async Task<int> SaveWithAuditAsync(VartaDbContext db, List<AuditRecord> pending,
        Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var owned = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var transaction = (owned ?? db.Database.CurrentTransaction)!;
            if (!ownTransaction)
            {
                // A caller's transaction stays usable when this save fails: undo only what the save wrote.
                await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
            }

            try
            {
                var postgres = db.Database.IsNpgsql();
                var connection = db.Database.GetDbConnection();
                var dbTransaction = transaction.GetDbTransaction();
                var feeds = NewFeedRows(db);
                var (head, maxima) = await AuditStore.ReadHeadAndMaximaAsync(connection, dbTransaction, postgres ? PostgresLockSql : null,
                    feeds.Select(f => f.Table).ToList(), cancellationToken);
                var entries = Chain(pending, head);
                for (var i = 0; i < feeds.Count; i++)
                {
                    var seq = maxima[i];
                    foreach (var row in feeds[i].Rows)
                    {
                        row.Seq = ++seq;
                    }
                }

                // On PostgreSQL a few audit rows ride in EF Core's own batch with the change they describe (one round
                // trip fewer inside the lock); many rows, and every row on SQLite, go through the prepared INSERT.
                var tracked = postgres && entries.Count <= TrackedLimit && db.ChangeTracker.HasChanges();
                if (tracked)
                {
                    db.AuditEntries.AddRange(entries);
                }
                else
                {
                    await AuditStore.InsertAsync(connection, dbTransaction, entries, postgres, cancellationToken);
                }

                int written;
                try
                {
                    written = await save(cancellationToken);
                }
                finally
                {
                    // Insert-only rows: the unit of work need not keep them, saved or not (a failed save leaves them unchained).
                    if (tracked)
                    {
                        foreach (var entry in entries)
                        {
                            db.Entry(entry).State = EntityState.Detached;
                        }
                    }
                }

                if (owned is not null)
                {
                    await owned.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
                }

                pending.Clear();
                RunAfterCommit(db);
                return tracked ? written : written + entries.Count;
            }
            catch when (!ownTransaction)
            {
                // An owned transaction rolls back when disposed; in either case the records stay queued, unchained.
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                throw;
            }
        }
        catch
        {
            db.AfterCommitCallbacks.Clear();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void RunAfterCommit(VartaDbContext db)
    {
        var callbacks = db.AfterCommitCallbacks.ToArray();
        db.AfterCommitCallbacks.Clear();
        foreach (var callback in callbacks)
        {
            callback();
        }
    }

    /// <summary>
    /// One record as its own transaction on its own pooled connection, outside any unit of work: reads of
    /// personal data and sign-in attempts, which have nothing else to save. No EF Core context is involved.
    /// </summary>
    internal async Task AppendAloneAsync(DatabaseOptions database, AuditRecord record, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using DbConnection connection = database.IsPostgres
                ? new NpgsqlConnection(database.ConnectionString)
                : new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (!database.IsPostgres)
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqlitePragmaInterceptor.Pragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var head = await AuditStore.ReadHeadAsync(connection, transaction, database.IsPostgres ? PostgresLockSql : null, cancellationToken);
            var entries = Chain([record], head);
            await AuditStore.InsertAsync(connection, transaction, entries, database.IsPostgres, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
