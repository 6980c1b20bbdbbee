using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Varta.Custody.Entries;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;

namespace Varta.Custody.CorrectEntry;

/// <summary>
/// Corrects an earlier entry by appending a correction with a reason: the original stays as it was written, and the
/// record's state is recomputed with the correction applied.
/// </summary>
internal sealed class CorrectEntryHandler(IAuthorizationService authorization, EntryWriter writer, EntryChecks checks, Loc loc)
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

        v.Required("reason", request.Reason, 2000);
        var newOccurredAt = checks.OccurredAt(request.OccurredAt, record, v, required: false);
        var patch = EntryData.Read(request.Fields, spec, NotFields, v, checks.Now, partial: true);
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
