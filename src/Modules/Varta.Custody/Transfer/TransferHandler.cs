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

namespace Varta.Custody.Transfer;

/// <summary>
/// Transfer (pre-trial centre, another facility, hospital) closes the record, frees the cell, and records whether
/// property was returned.
/// </summary>
internal sealed class TransferHandler(IAuthorizationService authorization, EntryWriter writer, EntryChecks checks, RecordReader reader, Loc loc)
{
    private static readonly HashSet<string> NoCommonFields = [];

    public async Task<Outcome<RecordDto>> HandleAsync(ClaimsPrincipal user, Guid recordId, TransferRequest request, CancellationToken ct)
    {
        var (record, settings) = await writer.LoadAsync(recordId, ct);
        if (record is null || !await authorization.AllowsAsync(user, CustodyPolicies.Transfer, record.FacilityId))
        {
            return Outcome<RecordDto>.NotFound();
        }

        var v = new Validator(loc);
        var data = EntryData.Read(request.Fields, EntryCatalog.Types[EntryCatalog.Transfer], NoCommonFields, v, checks.Now);
        var occurredAt = checks.ClosedAt(request.OccurredAt, record, v);
        EntryChecks.PropertyReturned(data, v);
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

        var entry = writer.NewEntry(user, record, entries, EntryCatalog.Transfer, occurredAt, data);
        var grounds = EntryData.Text(data, "destination");
        var stored = await writer.CloseAsync(record, settings, entries, entry, RecordStatus.Transferred, grounds, new AuditRecord
        {
            Action = "custody.record.transferred",
            ResourceType = "custody-record",
            ResourceId = record.Id.ToString(),
            OrgUnitId = record.FacilityId,
            OccurredAt = occurredAt,
            Details = JsonSerializer.Serialize(new { grounds, overMaxDeadline = occurredAt.UtcDateTime > record.MaxDeadline }),
        }, ct);
        return stored ? Outcome<RecordDto>.Ok((await reader.ReadAsync(user, record.Id, ct))!) : Outcome<RecordDto>.Conflict("custody.problem.concurrent-change");
    }
}
