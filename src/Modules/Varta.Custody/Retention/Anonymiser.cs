using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Retention;

/// <summary>
/// Anonymises custody records closed longer than the retention period (<see cref="RetentionOptions.Period"/>): the
/// scheduled job (every facility) and an administrator (the facilities of their scope) run the same batches. Each record
/// is its own transaction with its one audit record; the audit log itself is never rewritten, so its chain still verifies.
/// A person's identity goes with their last record: while any record of theirs is not yet anonymised, it keeps it.
/// </summary>
internal sealed class Anonymiser(VartaDbContext db, IAuditLog audit, TimeProvider clock, IOptions<RetentionOptions> options, OrgDirectory org)
{
    public const string Action = "custody.record.anonymised";

    /// <summary>Records closed at or before this moment are due now.</summary>
    public DateTimeOffset ClosedBefore(DateTimeOffset now) => now - options.Value.Period;

    /// <summary>The dry run over <paramref name="facilities"/> (null: all): the first <paramref name="limit"/> due, nothing changed.</summary>
    public async Task<RetentionPreviewDto> PreviewAsync(IReadOnlyCollection<Guid>? facilities, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = Due(facilities, now);
        var count = await due.CountAsync(ct);
        var records = await due.Take(limit).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var entries = (await db.Set<CustodyEntry>().AsNoTracking().Where(e => ids.Contains(e.RecordId)).ToListAsync(ct)).ToLookup(e => e.RecordId);
        var personIds = records.Select(r => r.PersonId).Distinct().ToList();
        var persons = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        // A person whose every other record is anonymised already, or listed here too, loses their identity in this run.
        var kept = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.AnonymisedAt == null && !ids.Contains(r.Id))
            .Select(r => r.PersonId).Distinct().ToListAsync(ct);
        var items = records.Select(r =>
        {
            var personToo = !kept.Contains(r.PersonId) && records.Last(x => x.PersonId == r.PersonId).Id == r.Id;
            var extra = personToo ? Scrubber.Person(persons[r.PersonId], apply: false) : 0;
            return Item(r, entries[r.Id].ToList(), apply: false, extra, personToo);
        }).ToList();
        return new RetentionPreviewDto(now, ClosedBefore(now), count, items);
    }

    /// <summary>Anonymises one batch of due records in <paramref name="facilities"/> (null: all, and persons left behind).</summary>
    public async Task<RetentionRunDto> RunBatchAsync(IReadOnlyCollection<Guid>? facilities, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = await Due(facilities, now).Select(r => r.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        var done = new List<RetentionItemDto>();
        int skipped = 0, persons = 0;
        foreach (var id in batch)
        {
            var item = await AnonymiseAsync(id, facilities, now, ct);
            if (item is null)
            {
                skipped++;
                continue;
            }

            done.Add(item);
            persons += item.PersonToo ? 1 : 0;
        }

        if (facilities is null)
        {
            persons += await SweepPersonsAsync(now, ct);
        }

        var remaining = await Due(facilities, clock.GetUtcNow()).CountAsync(ct);
        return new RetentionRunDto(now, done.Count, persons, skipped, remaining, done);
    }

    private IQueryable<CustodyRecord> Due(IReadOnlyCollection<Guid>? facilities, DateTimeOffset now)
    {
        var before = ClosedBefore(now).UtcDateTime;
        var query = db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.AnonymisedAt == null && r.Status != RecordStatus.InCustody && r.ClosedAt != null && r.ClosedAt <= before);
        if (facilities is not null)
        {
            query = query.Where(r => facilities.Contains(r.FacilityId));
        }

        return query.OrderBy(r => r.ClosedAt).ThenBy(r => r.Id);
    }

    /// <summary>Null when the record is no longer due (anonymised meanwhile) or someone wrote to it first: it is left as it is.</summary>
    private async Task<RetentionItemDto?> AnonymiseAsync(Guid id, IReadOnlyCollection<Guid>? facilities, DateTimeOffset now, CancellationToken ct)
    {
        var before = ClosedBefore(now).UtcDateTime;
        var record = await db.Set<CustodyRecord>()
            .FirstOrDefaultAsync(r => r.Id == id && r.AnonymisedAt == null && r.Status != RecordStatus.InCustody && r.ClosedAt <= before, ct);
        if (record is null || (facilities is not null && !facilities.Contains(record.FacilityId)))
        {
            return null;
        }

        var entries = await db.Set<CustodyEntry>().Where(e => e.RecordId == id).ToListAsync(ct);
        var last = !await db.Set<CustodyRecord>().AnyAsync(r => r.PersonId == record.PersonId && r.Id != id && r.AnonymisedAt == null, ct);
        var personFields = 0;
        if (last)
        {
            var person = await db.Set<Person>().FirstAsync(p => p.Id == record.PersonId, ct);
            personFields = Scrubber.Person(person, apply: true);
        }

        var item = Item(record, entries, apply: true, personFields, last);
        record.AnonymisedAt = now.UtcDateTime;
        record.Version++; // a correction typed meanwhile conflicts instead of writing text back
        var queued = audit.Record(new AuditRecord
        {
            Action = Action,
            Category = AuditCategory.Write,
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            Details = JsonSerializer.Serialize(new
            {
                number = record.Number,
                closedAt = item.ClosedAt,
                entries = item.Entries,
                entriesChanged = item.EntriesChanged,
                fields = item.Fields,
                person = last,
            }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return item;
        }
        catch (Exception e) when (EntryWriter.LostRace(e))
        {
            audit.Withdraw(queued);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Persons whose records are all anonymised but who still have their identity: two runs that each anonymised one of a
    /// person's last two records at the same moment both saw the other still there. The job clears them.
    /// </summary>
    private async Task<int> SweepPersonsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var left = await db.Set<Person>()
            .Where(p => p.SearchKey != "" && db.Set<CustodyRecord>().Any(r => r.PersonId == p.Id)
                && !db.Set<CustodyRecord>().Any(r => r.PersonId == p.Id && r.AnonymisedAt == null))
            .Take(options.Value.BatchSize).ToListAsync(ct);
        foreach (var person in left)
        {
            var fields = Scrubber.Person(person, apply: true);
            audit.Record(new AuditRecord
            {
                Action = "custody.person.anonymised",
                ResourceType = "custody-person",
                ResourceId = person.Id.ToString(),
                OccurredAt = now,
                Details = JsonSerializer.Serialize(new { fields }),
            });
        }

        if (left.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return left.Count;
    }

    private RetentionItemDto Item(CustodyRecord r, List<CustodyEntry> entries, bool apply, int personFields, bool personToo)
    {
        var types = entries.ToDictionary(e => e.Id, e => e.Type);
        var fields = Scrubber.Record(r, apply) + personFields;
        var changedEntries = 0;
        foreach (var e in entries)
        {
            var n = Scrubber.Entry(e, e.CorrectsEntryId is { } of ? types.GetValueOrDefault(of) : null, apply);
            fields += n;
            changedEntries += n > 0 ? 1 : 0;
        }

        var closed = RecordReader.Utc(r.ClosedAt!.Value);
        return new RetentionItemDto(r.Id, r.Number, r.FacilityId, org.Current.Find(r.FacilityId)?.DisplayName ?? "", closed,
            closed + options.Value.Period, entries.Count, changedEntries, fields, personToo);
    }
}
