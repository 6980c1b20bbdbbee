using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.Entries;

/// <summary>
/// The steps every write to a record's timeline shares (append, correct, release, transfer): load the record with its
/// facility's settings, number the new entry, recompute the record's derived state from the timeline, store it with
/// its audit record, and tell open boards. Entries are never edited. The record's version makes concurrent writes
/// take turns; a cell's version makes two placements into its last place conflict.
/// </summary>
internal sealed class EntryWriter(VartaDbContext db, IAuditLog audit, TimeProvider clock, IOptions<CustodyOptions> options, CustodyChanges changes)
{
    /// <summary>The record (tracked: its version is bumped) and its facility's settings, in one round trip.</summary>
    public async Task<(CustodyRecord? Record, FacilitySettings? Settings)> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var found = await (from r in db.Set<CustodyRecord>()
                           where r.Id == recordId
                           from s in db.Set<FacilitySettings>().Where(s => s.FacilityId == r.FacilityId).DefaultIfEmpty()
                           select new { Record = r, Settings = s }).FirstOrDefaultAsync(ct);
        return (found?.Record, found?.Settings);
    }

    public Task<List<CustodyEntry>> TimelineAsync(Guid recordId, CancellationToken ct) =>
        db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == recordId).ToListAsync(ct);

    public CustodyEntry NewEntry(ClaimsPrincipal user, CustodyRecord record, IReadOnlyList<CustodyEntry> entries, string type, DateTimeOffset occurredAt,
        JsonObject data, VideoClip? video = null) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()),
        RecordId = record.Id,
        Seq = entries.Count == 0 ? 1 : entries.Max(e => e.Seq) + 1,
        Type = type,
        OccurredAt = occurredAt.UtcDateTime,
        AuthorId = user.UserId().ToString(),
        Data = data.ToJsonString(),
        VideoCameraId = video?.CameraId,
        VideoFrom = video?.From?.UtcDateTime,
        VideoTo = video?.To?.UtcDateTime,
        VideoAudio = video?.Audio ?? false,
    };

    /// <summary>Stores the entry; false when someone else wrote to this record (or filled this cell) first, and nothing of ours was stored.</summary>
    public async Task<bool> SaveAsync(CustodyRecord record, FacilitySettings? settings, List<CustodyEntry> entries, CustodyEntry entry, AuditRecord auditRecord,
        CancellationToken ct)
    {
        entries.Add(entry);
        RecordState.Apply(record, RecordState.Effective(entries), options.Value, settings);
        record.Version++;
        db.Set<CustodyEntry>().Add(entry);
        audit.Record(auditRecord);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (LostRace(e))
        {
            audit.Withdraw(auditRecord);
            return false;
        }

        changes.Notify(record.FacilityId);
        return true;
    }

    /// <summary>
    /// Someone else wrote first: the record's or cell's version moved on (a stale read), the entry number was taken, or the
    /// database stayed busy past its timeout. Anything else is a fault and is not hidden as a conflict.
    /// </summary>
    internal static bool LostRace(Exception e) =>
        e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e, "custody_entries") || DbErrors.IsBusy(e);

    /// <summary>Stores a release or transfer: the record closes, its cell is freed and its alerts are cleared.</summary>
    public async Task<bool> CloseAsync(CustodyRecord record, FacilitySettings? settings, List<CustodyEntry> entries, CustodyEntry entry, string status,
        string? grounds, AuditRecord auditRecord, CancellationToken ct)
    {
        if (record.CellId is { } cellId && await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == cellId, ct) is { } cell)
        {
            cell.Version++;
        }

        record.Status = status;
        record.ClosedAt = entry.OccurredAt;
        record.ClosedGrounds = grounds;
        foreach (var alert in await db.Set<CustodyAlert>().Where(a => a.RecordId == record.Id && a.ClearedAt == null).ToListAsync(ct))
        {
            alert.ClearedAt = clock.GetUtcNow().UtcDateTime;
        }

        return await SaveAsync(record, settings, entries, entry, auditRecord, ct);
    }
}
