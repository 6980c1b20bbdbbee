using System.Security.Claims;
using System.Text.Json;
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

namespace Varta.Custody.Release;

/// <summary>
/// Release (court decision, deadline, no grounds, other) or transfer (pre-trial centre, another facility,
/// hospital) closes the record, frees the cell, and records whether property was returned.
/// </summary>
internal sealed class CloseRecordHandler(
    VartaDbContext db,
    Access access,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<CustodyOptions> options,
    RecordReader reader,
    CustodyChanges changes,
    Loc loc)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);
    private static readonly HashSet<string> Common = ["occurredAt"];

    public Task<Outcome<RecordDto>> ReleaseAsync(ClaimsPrincipal user, Guid recordId, JsonElement body, CancellationToken ct) =>
        CloseAsync(user, recordId, body, EntryCatalog.Release, RecordStatus.Released, ct);

    public Task<Outcome<RecordDto>> TransferAsync(ClaimsPrincipal user, Guid recordId, JsonElement body, CancellationToken ct) =>
        CloseAsync(user, recordId, body, EntryCatalog.Transfer, RecordStatus.Transferred, ct);

    private async Task<Outcome<RecordDto>> CloseAsync(ClaimsPrincipal user, Guid recordId, JsonElement body, string type, string status, CancellationToken ct)
    {
        var record = await db.Set<CustodyRecord>().FirstOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null || !access.Allows(user, record.FacilityId, CustodyRoles.Writers))
        {
            return Outcome<RecordDto>.NotFound();
        }

        var v = new Validator(loc);
        var data = EntryData.Read(body, EntryCatalog.Types[type], Common, v);
        DateTimeOffset occurredAt = default;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("occurredAt", out var at) || at.ValueKind != JsonValueKind.String)
        {
            v.Fail("occurredAt", "required");
        }
        else if (!EntryData.TryInstant(at.GetString(), out occurredAt))
        {
            v.Fail("occurredAt", "instant-required");
        }
        else if (occurredAt > clock.GetUtcNow() + Skew)
        {
            v.Fail("occurredAt", "not-in-future");
        }
        else if (occurredAt < RecordReader.Utc(record.ArrivedAt))
        {
            v.Fail("occurredAt", "not-before-arrival");
        }

        if (EntryData.Bool(data, "propertyReturned") == false && EntryData.Text(data, "propertyDiscrepancy") is null)
        {
            v.Fail("propertyDiscrepancy", "required-when-property-not-returned");
        }

        if (type == EntryCatalog.Release && EntryData.Text(data, "grounds") == "other" && EntryData.Text(data, "groundsDetail") is null)
        {
            v.Fail("groundsDetail", "required");
        }

        if (!v.IsValid)
        {
            return Outcome<RecordDto>.Invalid(v);
        }

        if (record.Status != RecordStatus.InCustody)
        {
            return Outcome<RecordDto>.Conflict("custody.problem.record-closed");
        }

        var entries = await db.Set<CustodyEntry>().Where(e => e.RecordId == recordId).ToListAsync(ct);
        if (record.CellId is { } cellId && await db.Set<Cell>().FirstOrDefaultAsync(c => c.Id == cellId, ct) is { } cell)
        {
            cell.Version++;
        }

        var entry = new CustodyEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            RecordId = record.Id,
            Seq = entries.Max(e => e.Seq) + 1,
            Type = type,
            OccurredAt = occurredAt.UtcDateTime,
            AuthorId = user.UserId().ToString(),
            Data = data.ToJsonString(),
        };
        entries.Add(entry);
        record.Status = status;
        record.ClosedAt = occurredAt.UtcDateTime;
        record.ClosedGrounds = EntryData.Text(data, type == EntryCatalog.Release ? "grounds" : "destination");
        var settings = await db.Set<FacilitySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == record.FacilityId, ct);
        RecordState.Apply(record, RecordState.Effective(entries), CheckPolicy.For(options.Value, settings));
        record.Version++;
        db.Set<CustodyEntry>().Add(entry);
        foreach (var alert in await db.Set<CustodyAlert>().Where(a => a.RecordId == recordId && a.ClearedAt == null).ToListAsync(ct))
        {
            alert.ClearedAt = clock.GetUtcNow().UtcDateTime;
        }

        audit.Record(new AuditRecord
        {
            Action = type == EntryCatalog.Release ? "custody.record.released" : "custody.record.transferred",
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = occurredAt,
            Details = JsonSerializer.Serialize(new { grounds = record.ClosedGrounds, overMaxDeadline = occurredAt.UtcDateTime > record.MaxDeadline }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RecordDto>.Conflict("custody.problem.concurrent-change");
        }

        changes.Notify(record.FacilityId);
        return Outcome<RecordDto>.Ok((await reader.ReadAsync(record.Id, ct))!);
    }
}
