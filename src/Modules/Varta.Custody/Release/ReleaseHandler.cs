using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;

namespace Varta.Custody.Release;

/// <summary>
/// Release (court decision, deadline, no grounds, other) closes the record, frees the cell, and records whether
/// property was returned.
/// </summary>
internal sealed class ReleaseHandler(IAuthorizationService authorization, EntryWriter writer, EntryChecks checks, RecordReader reader, Loc loc)
{
    private static readonly HashSet<string> NoCommonFields = [];

    public async Task<Outcome<RecordDto>> HandleAsync(ClaimsPrincipal user, Guid recordId, ReleaseRequest request, CancellationToken ct)
    {
        var (record, settings) = await writer.LoadAsync(recordId, ct);
        if (record is null || !await authorization.AllowsAsync(user, CustodyPolicies.Release, record.FacilityId))
        {
            return Outcome<RecordDto>.NotFound();
        }

        var v = new Validator(loc);
        var data = EntryData.Read(request.Fields, EntryCatalog.Types[EntryCatalog.Release], NoCommonFields, v, checks.Now);
        var occurredAt = checks.ClosedAt(request.OccurredAt, record, v);
        EntryChecks.PropertyReturned(data, v);
        if (EntryData.Text(data, "grounds") == "other" && EntryData.Text(data, "groundsDetail") is null)
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

        var entries = await writer.TimelineAsync(recordId, ct);
        if (!EntryChecks.NotBeforeLastEntry(occurredAt, entries, v))
        {
            return Outcome<RecordDto>.Invalid(v);
        }

        var entry = writer.NewEntry(user, record, entries, EntryCatalog.Release, occurredAt, data);
        var grounds = EntryData.Text(data, "grounds");
        var stored = await writer.CloseAsync(record, settings, entries, entry, RecordStatus.Released, grounds, new AuditRecord
        {
            Action = "custody.record.released",
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = occurredAt,
            Details = JsonSerializer.Serialize(new { grounds, overMaxDeadline = occurredAt.UtcDateTime > record.MaxDeadline }),
        }, ct);
        return stored ? Outcome<RecordDto>.Ok((await reader.ReadAsync(user, record.Id, ct))!) : Outcome<RecordDto>.Conflict("custody.problem.concurrent-change");
    }
}
