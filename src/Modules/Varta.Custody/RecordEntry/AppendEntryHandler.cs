using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Custody.RecordEntry;

/// <summary>
/// Appends a typed entry to a record, or a correction of an earlier one. Entries are never edited: the
/// record's derived state is recomputed from the timeline. The record's version makes concurrent appends
/// take turns; a cell's version makes two placements into its last place conflict.
/// </summary>
internal sealed class AppendEntryHandler(
    VartaDbContext db,
    Access access,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<CustodyOptions> options,
    CustodyChanges changes,
    Loc loc)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);
    private static readonly HashSet<string> Common = ["type", "occurredAt", "video"];
    private static readonly HashSet<string> CorrectionCommon = ["type", "occurredAt", "video", "reason"];

    /// <summary>The record (tracked: its version is bumped) and its facility's settings, in one round trip.</summary>
    private async Task<(CustodyRecord? Record, FacilitySettings? Settings)> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var found = await (from r in db.Set<CustodyRecord>()
                           where r.Id == recordId
                           from s in db.Set<FacilitySettings>().Where(s => s.FacilityId == r.FacilityId).DefaultIfEmpty()
                           select new { Record = r, Settings = s }).FirstOrDefaultAsync(ct);
        return (found?.Record, found?.Settings);
    }

    public async Task<Outcome<EntryDto>> AppendAsync(ClaimsPrincipal user, Guid recordId, JsonElement body, CancellationToken ct)
    {
        var (record, settings) = await LoadAsync(recordId, ct);
        if (record is null || !access.Allows(user, record.FacilityId, CustodyRoles.Writers))
        {
            return Outcome<EntryDto>.NotFound();
        }

        var v = new Validator(loc);
        var type = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        v.OneOf("type", type, EntryCatalog.WritableTypes);
        if (!v.IsValid)
        {
            return Outcome<EntryDto>.Invalid(v);
        }

        var spec = EntryCatalog.Types[type!];
        var occurredAt = OccurredAt(body, record, v, required: true);
        var data = EntryData.Read(body, spec, Common, v);
        var video = Video(body, v);
        if (record.Status != RecordStatus.InCustody)
        {
            return Outcome<EntryDto>.Conflict("custody.problem.record-closed");
        }

        CrossFieldRules(type!, data, record, occurredAt, v);
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == recordId).ToListAsync(ct);
        if (type == EntryCatalog.Return && EntryData.Id(data, "removalEntryId") is { } removalId
            && !entries.Any(e => e.Id == removalId && e.Type == EntryCatalog.Removal))
        {
            v.Fail("removalEntryId", "unknown-entry");
        }

        if (!v.IsValid)
        {
            return Outcome<EntryDto>.Invalid(v);
        }

        if (type == EntryCatalog.CellPlacement)
        {
            var refusal = await PlaceAsync(record, settings, EntryData.Id(data, "cellId")!.Value, EntryData.Text(data, "overrideReason"), v, ct);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        var entry = NewEntry(user, record, entries, type!, occurredAt!.Value, data, video);
        return await SaveAsync(record, settings, entries, entry, "custody.entry.appended", ct);
    }

    public async Task<Outcome<EntryDto>> CorrectAsync(ClaimsPrincipal user, Guid recordId, Guid entryId, JsonElement body, CancellationToken ct)
    {
        var (record, settings) = await LoadAsync(recordId, ct);
        if (record is null || !access.Allows(user, record.FacilityId, CustodyRoles.Writers))
        {
            return Outcome<EntryDto>.NotFound();
        }

        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == recordId).ToListAsync(ct);
        var original = entries.FirstOrDefault(e => e.Id == entryId);
        if (original is null)
        {
            return Outcome<EntryDto>.NotFound();
        }

        var v = new Validator(loc);
        var spec = EntryCatalog.Types[original.Type];
        if (!spec.Correctable || original.CorrectsEntryId is not null)
        {
            v.Fail("entryId", "not-correctable", original.Type);
            return Outcome<EntryDto>.Invalid(v);
        }

        var reason = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        v.Required("reason", reason, 2000);
        var newOccurredAt = OccurredAt(body, record, v, required: false);
        var patch = EntryData.Read(body, spec, CorrectionCommon, v, partial: true);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out _))
        {
            v.Fail("type", "not-correctable", original.Type);
        }

        if (patch.Count == 0 && newOccurredAt is null)
        {
            v.Fail("$", "nothing-to-correct");
        }

        var effective = RecordState.Effective(entries).First(e => e.Entry.Id == entryId);
        var merged = (JsonObject)effective.Data.DeepClone();
        foreach (var (key, value) in patch)
        {
            merged[key] = value?.DeepClone();
        }

        CrossFieldRules(original.Type, merged, record, newOccurredAt ?? effective.OccurredAt, v);
        if (!v.IsValid)
        {
            return Outcome<EntryDto>.Invalid(v);
        }

        var correction = NewEntry(user, record, entries, EntryCatalog.Correction, newOccurredAt ?? effective.OccurredAt, patch, null);
        correction.CorrectsEntryId = original.Id;
        correction.CorrectionReason = reason!.Trim();
        return await SaveAsync(record, settings, entries, correction, "custody.entry.corrected", ct);
    }

    private CustodyEntry NewEntry(ClaimsPrincipal user, CustodyRecord record, List<CustodyEntry> entries, string type, DateTimeOffset occurredAt,
        JsonObject data, (string CameraId, DateTimeOffset? From, DateTimeOffset? To)? video) => new()
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
    };

    private async Task<Outcome<EntryDto>> SaveAsync(CustodyRecord record, FacilitySettings? settings, List<CustodyEntry> entries, CustodyEntry entry,
        string action, CancellationToken ct)
    {
        entries.Add(entry);
        RecordState.Apply(record, RecordState.Effective(entries), CheckPolicy.For(options.Value, settings));
        record.Version++;
        db.Set<CustodyEntry>().Add(entry);
        audit.Record(new AuditRecord
        {
            Action = action,
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = new DateTimeOffset(entry.OccurredAt, TimeSpan.Zero),
            Reason = entry.CorrectionReason,
            Details = JsonSerializer.Serialize(new { entryId = entry.Id, seq = entry.Seq, type = entry.Type, corrects = entry.CorrectsEntryId }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else wrote to this record or filled this cell first; nothing of ours was stored.
            return Outcome<EntryDto>.Conflict("custody.problem.concurrent-change");
        }

        changes.Notify(record.FacilityId);
        return Outcome<EntryDto>.Ok(RecordReader.ToDto(entry, []));
    }

    private async Task<Outcome<EntryDto>?> PlaceAsync(CustodyRecord record, FacilitySettings? settings, Guid cellId, string? overrideReason, Validator v,
        CancellationToken ct)
    {
        var cell = await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == cellId && c.FacilityId == record.FacilityId, ct);
        if (cell is null)
        {
            v.Fail("cellId", "unknown-cell");
            return Outcome<EntryDto>.Invalid(v);
        }

        if (record.CellId == cellId)
        {
            v.Fail("cellId", "already-in-cell");
            return Outcome<EntryDto>.Invalid(v);
        }

        var occupants = await (from r in db.Set<CustodyRecord>()
                               join p in db.Set<Person>() on r.PersonId equals p.Id
                               where r.CellId == cellId && r.Status == RecordStatus.InCustody
                               select new Occupant(r.Id, p.Sex, r.IsMinor, r.ProceedingsNumber)).ToListAsync(ct);
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == record.PersonId, ct);
        var verdict = PlacementRules.Check(cell, occupants, new Occupant(record.Id, person.Sex, record.IsMinor, record.ProceedingsNumber),
            CheckPolicy.For(options.Value, settings).MinFloorArea);
        if (!verdict.Allowed && !(verdict.Overridable && !string.IsNullOrWhiteSpace(overrideReason)))
        {
            return verdict.Overridable
                ? Outcome<EntryDto>.Invalid(v.Fail("cellId", "placement-" + verdict.Rule))
                : Outcome<EntryDto>.Conflict("custody.problem.placement-" + verdict.Rule);
        }

        // Claim the place: the version check makes a concurrent placement into the same cell fail.
        cell.Version++;
        if (record.CellId is { } previous && await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == previous, ct) is { } old)
        {
            old.Version++;
        }

        return null;
    }

    private DateTimeOffset? OccurredAt(JsonElement body, CustodyRecord record, Validator v, bool required)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("occurredAt", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                v.Fail("occurredAt", "required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !EntryData.TryInstant(value.GetString(), out var at))
        {
            v.Fail("occurredAt", "instant-required");
            return null;
        }

        if (at > clock.GetUtcNow() + Skew)
        {
            v.Fail("occurredAt", "not-in-future");
        }
        else if (at < RecordReader.Utc(record.DetainedAt))
        {
            v.Fail("occurredAt", "not-before-detention");
        }

        return at;
    }

    private static (string CameraId, DateTimeOffset? From, DateTimeOffset? To)? Video(JsonElement body, Validator v)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("video", out var video) || video.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (video.ValueKind != JsonValueKind.Object)
        {
            v.Fail("video", "object-required");
            return null;
        }

        var camera = video.TryGetProperty("cameraId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        v.Required("video.cameraId", camera, 100);
        DateTimeOffset? from = null, to = null;
        if (video.TryGetProperty("from", out var f) && f.ValueKind != JsonValueKind.Null)
        {
            from = f.ValueKind == JsonValueKind.String && EntryData.TryInstant(f.GetString(), out var x) ? x : null;
            if (from is null)
            {
                v.Fail("video.from", "instant-required");
            }
        }

        if (video.TryGetProperty("to", out var tt) && tt.ValueKind != JsonValueKind.Null)
        {
            to = tt.ValueKind == JsonValueKind.String && EntryData.TryInstant(tt.GetString(), out var y) ? y : null;
            if (to is null)
            {
                v.Fail("video.to", "instant-required");
            }
        }

        if (from is { } a && to is { } b && (b < a || b - a > TimeSpan.FromHours(24)))
        {
            v.Fail("video.to", "video-range");
        }

        return camera is null ? null : (camera, from, to);
    }

    private void CrossFieldRules(string type, JsonObject data, CustodyRecord record, DateTimeOffset? occurredAt, Validator v)
    {
        switch (type)
        {
            case EntryCatalog.MedicalExamination when EntryData.Bool(data, "injuriesFound") == true && EntryData.Text(data, "injuriesDescription") is null:
                v.Fail("injuriesDescription", "required-when-injuries");
                break;
            case EntryCatalog.LegalAidNotified or EntryCatalog.RelativesNotified when occurredAt is { } at
                && at - RecordReader.Utc(record.DetainedAt) > options.Value.NotificationThreshold:
                if (EntryData.Text(data, "delayReason") is null)
                {
                    v.Fail("delayReason", "delay-reason-required", (int)options.Value.NotificationThreshold.TotalMinutes);
                }

                if (EntryData.Text(data, "delayAuthorisedBy") is null)
                {
                    v.Fail("delayAuthorisedBy", "delay-reason-required", (int)options.Value.NotificationThreshold.TotalMinutes);
                }

                break;
            case EntryCatalog.WelfareCheck when record.ObservationLevel >= 2 && EntryData.Bool(data, "roused") is null:
                v.Fail("roused", "rousing-required", record.ObservationLevel);
                break;
            case EntryCatalog.UseOfForce when EntryData.Bool(data, "injuries") == true && EntryData.Bool(data, "medicalExamOffered") != true:
                v.Fail("medicalExamOffered", "medical-after-injury");
                break;
        }
    }
}
