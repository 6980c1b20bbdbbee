using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.BookIn;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Custody.CorrectEntry;

/// <summary>
/// Corrects an earlier entry by appending a correction with a reason: the original stays as it was written, and the
/// record's state is recomputed with the correction applied.
/// </summary>
internal sealed class CorrectEntryHandler(VartaDbContext db, IAuthorizationService authorization, EntryWriter writer, EntryChecks checks, Loc loc)
{
    /// <summary>
    /// Not the original's fields: <c>type</c> is refused on its own below; a <c>video</c> is accepted and ignored, since
    /// a correction keeps the original's video.
    /// </summary>
    private static readonly HashSet<string> NotFields = ["type", "video"];

    public async Task<Outcome<EntryDto>> HandleAsync(ClaimsPrincipal user, Guid recordId, Guid entryId, CorrectEntryRequest request, CancellationToken ct)
    {
        var (record, settings) = await writer.LoadAsync(recordId, ct);
        if (record is null || !await authorization.AllowsAsync(user, CustodyPolicies.CorrectEntry, record.FacilityId))
        {
            return Outcome<EntryDto>.NotFound();
        }

        if (record.AnonymisedAt is not null)
        {
            // Past its retention period: what was removed is not written back by a correction.
            return Outcome<EntryDto>.Conflict("custody.problem.record-anonymised");
        }

        var entries = await writer.TimelineAsync(recordId, ct);
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

        if (record.Status != RecordStatus.InCustody && original.Type == EntryCatalog.BookingIn)
        {
            // The clocks of a closed record are history; the detention of a released person is corrected by the inspector's
            // report, not by moving the deadlines of a closed record.
            return Outcome<EntryDto>.Conflict("custody.problem.record-closed");
        }

        v.Required("reason", request.Reason, 2000);
        var patch = EntryData.Read(request.Fields, spec, NotFields, v, checks.Now, partial: true);
        var booking = original.Type == EntryCatalog.BookingIn;
        var newDetainedAt = booking ? EntryData.Instant(patch, "detainedAt") : null;
        var newOccurredAt = checks.OccurredAt(request.OccurredAt, record, v, required: false, detainedAt: newDetainedAt);
        if (request.Fields?.ContainsKey("type") == true)
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

        checks.CrossFieldRules(original.Type, merged, record, newOccurredAt ?? effective.OccurredAt, v);
        if (newDetainedAt is { } detainedAt)
        {
            // Nothing recorded may have happened before the person was detained.
            var first = RecordState.Effective(entries).Where(e => e.Entry.Type != EntryCatalog.BookingIn).Select(e => (DateTimeOffset?)e.OccurredAt).Min();
            if (first is { } f && detainedAt > f)
            {
                v.Fail("detainedAt", "not-after-entries", KyivTime.Format(f));
            }

            var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == record.PersonId, ct);
            record.IsMinor = BookInHandler.AgeAt(person.DateOfBirth, KyivTime.ToKyiv(detainedAt)) < 18;
        }

        if (!v.IsValid)
        {
            return Outcome<EntryDto>.Invalid(v);
        }

        var correction = writer.NewEntry(user, record, entries, EntryCatalog.Correction, newOccurredAt ?? effective.OccurredAt, patch);
        correction.CorrectsEntryId = original.Id;
        correction.CorrectionReason = request.Reason!.Trim();
        var stored = await writer.SaveAsync(record, settings, entries, correction, new AuditRecord
        {
            Action = "custody.entry.corrected",
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = new DateTimeOffset(correction.OccurredAt, TimeSpan.Zero),
            Reason = correction.CorrectionReason,
            Details = JsonSerializer.Serialize(new { entryId = correction.Id, seq = correction.Seq, type = correction.Type, corrects = correction.CorrectsEntryId }),
        }, ct);
        return stored ? Outcome<EntryDto>.Ok(RecordReader.ToDto(correction, [])) : Outcome<EntryDto>.Conflict("custody.problem.concurrent-change");
    }
}
