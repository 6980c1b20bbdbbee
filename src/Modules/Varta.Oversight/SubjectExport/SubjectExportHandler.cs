using System.Security.Claims;
using System.Text.Json;
using Varta.Custody.Contracts;
using Varta.Oversight.Printing;
using Varta.Oversight.PrintRecord;
using Varta.Oversight.Queue;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Oversight.SubjectExport;

/// <summary>
/// A data-subject export: everything held about one person that the caller may read, as JSON or PDF. Records outside the
/// caller's scope are counted, not shown; an unknown person and a person with nothing in scope are both "not found".
/// </summary>
internal sealed class SubjectExportHandler(ICustodyDocuments custody, ScopedRecords records, ReviewQueue queue, IAuditViews views, IAuditLog audit,
    ICurrentActor actor, TimeProvider clock, Loc loc)
{
    public const string Json = "json";
    public const string Pdf = "pdf";
    public const int ViewLimit = 1000;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Outcome<PrintedFile>> ExportAsync(ClaimsPrincipal user, Guid personId, string? format, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("format", format ?? Json, [Json, Pdf]);
        if (!v.IsValid)
        {
            return Outcome<PrintedFile>.Invalid(v);
        }

        if (await CollectAsync(user, personId, ct) is not var (export, documents))
        {
            return Outcome<PrintedFile>.NotFound();
        }

        foreach (var facility in export.Records.GroupBy(r => r.FacilityId))
        {
            await audit.AppendAsync(new AuditRecord
            {
                Action = "oversight.subject.exported",
                Category = AuditCategory.Read,
                ResourceType = "person",
                ResourceId = personId.ToString(),
                OrgUnitId = facility.Key,
                Details = JsonSerializer.Serialize(new
                {
                    format = format ?? Json,
                    records = facility.Select(r => r.Number).ToList(),
                    withheld = facility.SelectMany(r => r.Withheld).Distinct().ToList(),
                    leftOut = export.RecordsLeftOut,
                }),
            }, ct);
        }

        var stem = "subject-" + personId.ToString("N")[..8];
        return Outcome<PrintedFile>.Ok((format ?? Json) == Pdf
            ? new PrintedFile(PrintRecordHandler.FileName(stem, Pdf), "application/pdf", SubjectPdf.Render(export, documents, loc))
            : new PrintedFile(PrintRecordHandler.FileName(stem, Json), "application/json", JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions)));
    }

    private async Task<(SubjectExportDto Export, List<CustodyRecordDocument> Documents)?> CollectAsync(ClaimsPrincipal user, Guid personId, CancellationToken ct)
    {
        var ids = await custody.RecordsOfPersonAsync(personId, ct);
        var found = new List<CustodyRecordDocument>();
        foreach (var id in ids)
        {
            if (await records.ReadAsync(user, id, OversightPolicies.ExportSubject, ct) is { } record)
            {
                found.Add(record);
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var items = await queue.OfRecordsAsync(found.Select(r => r.Id).ToList(), ct);
        var numbers = found.ToDictionary(r => r.Id.ToString(), r => r.Number);
        foreach (var item in items)
        {
            numbers[item.Id.ToString()] = item.RecordNumber;
        }

        var reads = await views.ReadsAboutAsync([PrintRecordHandler.ResourceType, "review-item", "person"], [.. numbers.Keys, personId.ToString()],
            ViewLimit + 1, ct);
        return (new SubjectExportDto(found[^1].Person, clock.GetUtcNow(), actor.Name, found.Select(SubjectRecordDto.From).ToList(), ids.Count - found.Count,
            items,
            reads.Take(ViewLimit).Select(r => new SubjectViewDto(r.At, r.ActorName, r.Action, r.ResourceId is { } rid ? numbers.GetValueOrDefault(rid) : null)).ToList(),
            reads.Count > ViewLimit), found);
    }
}
