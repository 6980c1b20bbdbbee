using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Varta.Oversight.Printing;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Oversight.PrintRecord;

/// <summary>A printable file: its name and its bytes.</summary>
internal sealed record PrintedFile(string FileName, string ContentType, byte[] Content);

/// <summary>What the record's documents page shows: whose record it is, and whether the user may also export the person's data.</summary>
internal sealed record RecordSummary(Guid Id, string Number, string FacilityName, Guid PersonId, string PersonName, bool MayExport);

/// <summary>
/// The whole custody record as PDF, for someone who may print it in its facility; the print is in the audit log (with what was
/// withheld), and the PDF cites that entry's hash and the latest signed checkpoint of the chain.
/// </summary>
internal sealed class PrintRecordHandler(ScopedRecords records, IAuthorizationService authorization, IAuditLog audit, IAuditAnchors anchors,
    ICurrentActor actor, TimeProvider clock, Loc loc)
{
    public const string ResourceType = "custody-record";

    /// <summary>The record's number and person, for the page that offers its documents; an audited read.</summary>
    public async Task<Outcome<RecordSummary>> SummaryAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var record = await records.ReadAsync(user, id, OversightPolicies.PrintRecord, ct);
        if (record is null)
        {
            return Outcome<RecordSummary>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.record.documents.read",
            Category = AuditCategory.Read,
            ResourceType = ResourceType,
            ResourceId = id.ToString(),
            OrgUnitId = record.FacilityId,
        }, ct);
        return Outcome<RecordSummary>.Ok(new RecordSummary(record.Id, record.Number, record.FacilityName, record.Person.Id, record.Person.FullName,
            await authorization.AllowsAsync(user, OversightPolicies.ExportSubject, record.FacilityId)));
    }

    public async Task<Outcome<PrintedFile>> PrintAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var record = await records.ReadAsync(user, id, OversightPolicies.PrintRecord, ct);
        if (record is null)
        {
            return Outcome<PrintedFile>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.record.printed",
            Category = AuditCategory.Read,
            ResourceType = ResourceType,
            ResourceId = id.ToString(),
            OrgUnitId = record.FacilityId,
            Details = JsonSerializer.Serialize(new { number = record.Number, withheld = record.Withheld }),
        }, ct);
        var anchor = new PrintAnchor(await anchors.LatestAboutAsync(ResourceType, id.ToString(), ct), await anchors.LatestCheckpointAsync(ct));
        var pdf = RecordPdf.Render(record, anchor, actor.Name, clock.GetUtcNow(), loc);
        return Outcome<PrintedFile>.Ok(new PrintedFile(FileName(record.Number, "pdf"), "application/pdf", pdf));
    }

    /// <summary>A record number as a file name: "ITT-01/2026/00042" becomes "ITT-01-2026-00042.pdf".</summary>
    public static string FileName(string stem, string extension) =>
        new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()) + "." + extension;
}
