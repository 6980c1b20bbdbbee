using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Custody.AppendEntry;

/// <summary>Appends a typed entry to an open record; a cell placement also claims its place in the cell.</summary>
internal sealed class AppendEntryHandler(
    VartaDbContext db,
    IAuthorizationService authorization,
    EntryWriter writer,
    EntryChecks checks,
    IOptions<CustodyOptions> options,
    Cameras.CameraRegistry cameras,
    Loc loc)
{
    /// <summary>The common fields are the request's own properties: everything else must be the type's field.</summary>
    private static readonly HashSet<string> NoCommonFields = [];

    public async Task<Outcome<EntryDto>> HandleAsync(ClaimsPrincipal user, Guid recordId, AppendEntryRequest request, CancellationToken ct)
    {
        var (record, settings) = await writer.LoadAsync(recordId, ct);
        if (record is null || !await authorization.AllowsAsync(user, CustodyPolicies.AppendEntry, record.FacilityId))
        {
            return Outcome<EntryDto>.NotFound();
        }

        var v = new Validator(loc);
        v.OneOf("type", request.Type, EntryCatalog.WritableTypes);
        if (!v.IsValid)
        {
            return Outcome<EntryDto>.Invalid(v);
        }

        var type = request.Type!;
        var occurredAt = checks.OccurredAt(request.OccurredAt, record, v, required: true);
        var data = EntryData.Read(request.Fields, EntryCatalog.Types[type], NoCommonFields, v, checks.Now);
        var video = EntryChecks.Video(request.Video, v);
        if (record.Status != RecordStatus.InCustody)
        {
            return Outcome<EntryDto>.Conflict("custody.problem.record-closed");
        }

        checks.CrossFieldRules(type, data, record, occurredAt, v);
        if (video is { } clip)
        {
            await cameras.CheckAsync(record.FacilityId, clip, v, ct);
        }

        var entries = await writer.TimelineAsync(recordId, ct);
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
            var refusal = await PlaceAsync(user, record, settings, data, v, ct);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        var entry = writer.NewEntry(user, record, entries, type, occurredAt!.Value, data, video);
        var stored = await writer.SaveAsync(record, settings, entries, entry, new AuditRecord
        {
            Action = "custody.entry.appended",
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = new DateTimeOffset(entry.OccurredAt, TimeSpan.Zero),
            Details = JsonSerializer.Serialize(new { entryId = entry.Id, seq = entry.Seq, type = entry.Type, corrects = entry.CorrectsEntryId }),
        }, ct);
        return stored ? Outcome<EntryDto>.Ok(RecordReader.ToDto(entry, [])) : Outcome<EntryDto>.Conflict("custody.problem.concurrent-change");
    }

    private async Task<Outcome<EntryDto>?> PlaceAsync(ClaimsPrincipal user, CustodyRecord record, FacilitySettings? settings, JsonObject data, Validator v,
        CancellationToken ct)
    {
        var cellId = EntryData.Id(data, "cellId")!.Value;
        var overrideReason = EntryData.Text(data, "overrideReason");
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
        if (verdict.Refusal is { } refused)
        {
            // A woman with men, a minor with adults, a full or closed cell: refused outright, whatever the reason given.
            return Outcome<EntryDto>.Conflict("custody.problem.placement-" + refused);
        }

        if (verdict.Overridable.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(overrideReason))
            {
                return Outcome<EntryDto>.Invalid(v.Fail("cellId", "placement-" + verdict.Overridable[0]));
            }

            if (!await authorization.AllowsAsync(user, CustodyPolicies.OverridePlacement, record.FacilityId))
            {
                return Outcome<EntryDto>.Invalid(v.Fail("overrideReason", "override-needs-senior", "placement-" + verdict.Overridable[0]));
            }

            data["overriddenRule"] = string.Join(',', verdict.Overridable);
        }
        else
        {
            data.Remove("overrideReason"); // nothing was overridden: a stray reason would read as an override
        }

        // Claim the place: the version check makes a concurrent placement into the same cell fail.
        cell.Version++;
        if (record.CellId is { } previous && await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == previous, ct) is { } old)
        {
            old.Version++;
        }

        return null;
    }
}
