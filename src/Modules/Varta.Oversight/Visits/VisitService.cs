using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using static Varta.Platform.Persistence.StoredTime;
using Varta.Oversight.Grants;
using Varta.Oversight.Queue;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Visits;

/// <summary>
/// Unannounced visits by a grantee: the register of who should be in custody now and in which cell, what the monitor
/// found, and the discrepancies sent to the inspectors' queue. Nothing here writes to a custody record.
/// </summary>
internal sealed class VisitService(VartaDbContext db, GrantService grants, ICustodyDocuments documents, OrgDirectory org, IAuditLog audit,
    TimeProvider clock, Loc loc, IOptions<OversightOptions> options)
{
    public async Task<Outcome<VisitDto>> StartAsync(ClaimsPrincipal user, Guid grantId, VisitStartRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("facilityId", request.FacilityId);
        if (!v.IsValid)
        {
            return Outcome<VisitDto>.Invalid(v);
        }

        var active = await grants.ActiveAsync(user, grantId, ct);
        if (!active.IsOk)
        {
            return active.Failure<VisitDto>();
        }

        var grant = active.Value!;
        var facility = grants.Facilities(grant).FirstOrDefault(f => f.Id == request.FacilityId);
        if (facility is null)
        {
            return Outcome<VisitDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(now),
            GrantId = grant.Id,
            FacilityId = facility.Id,
            MonitorName = user.FindFirstValue(VartaClaims.DisplayName) ?? user.Identity?.Name ?? "",
            StartedAt = now.UtcDateTime,
        };
        db.Add(visit);
        var register = await documents.ListAsync([facility.Id], null, 5000, ct);
        var order = 0;
        foreach (var line in register.Where(l => l.Status == "in-custody").OrderBy(l => l.CellNumber ?? "~", StringComparer.Ordinal).ThenBy(l => l.PersonName, StringComparer.Ordinal))
        {
            db.Add(new VisitLine
            {
                Id = Guid.CreateVersion7(now),
                VisitId = visit.Id,
                Order = ++order,
                RecordId = line.RecordId,
                RecordNumber = line.Number,
                PersonName = line.PersonName,
                RegisteredCell = line.CellNumber,
            });
        }

        await grants.ViewedAsync(grant, facility.Id, null, null, "visit-register", ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.visit.started",
            ResourceType = "visit",
            ResourceId = visit.Id.ToString(),
            OrgUnitId = facility.Id,
            Details = JsonSerializer.Serialize(new { grantId = grant.Id, registered = order }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(user, visit.Id, ct);
    }

    public async Task<Outcome<VisitDto>> GetAsync(ClaimsPrincipal user, Guid visitId, CancellationToken ct)
    {
        var mine = await MineAsync(user, visitId, ct);
        return mine.IsOk ? Outcome<VisitDto>.Ok(await ToDtoAsync(mine.Value!, ct)) : mine.Failure<VisitDto>();
    }

    /// <summary>The visits the caller made under their grants, newest first.</summary>
    public async Task<IReadOnlyList<VisitDto>> ListMineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = (await grants.MineAsync(user, ct)).Select(g => g.Id).ToList();
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => mine.Contains(v.GrantId)).OrderByDescending(v => v.StartedAt).Take(100).ToListAsync(ct);
        var result = new List<VisitDto>();
        foreach (var visit in visits)
        {
            result.Add(await ToDtoAsync(visit, ct, withLines: false));
        }

        return result;
    }

    public async Task<Outcome<VisitDto>> MarkAsync(ClaimsPrincipal user, Guid visitId, Guid lineId, VisitMarkRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("result", request.Result, VisitResults.Marks).MaxLength("note", request.Note, 2000);
        if (request.Result == VisitResults.OtherCell)
        {
            v.Required("cell", request.Cell, 40);
        }
        else
        {
            v.MaxLength("cell", request.Cell, 40);
        }

        if (!v.IsValid)
        {
            return Outcome<VisitDto>.Invalid(v);
        }

        var mine = await MineAsync(user, visitId, ct, forWriting: true);
        if (!mine.IsOk)
        {
            return mine.Failure<VisitDto>();
        }

        var visit = mine.Value!;
        var line = await db.Set<VisitLine>().FirstOrDefaultAsync(l => l.Id == lineId && l.VisitId == visitId && l.RecordId != null, ct);
        if (line is null)
        {
            return Outcome<VisitDto>.NotFound();
        }

        if (request.Result == VisitResults.OtherCell && string.Equals(request.Cell!.Trim(), line.RegisteredCell, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<VisitDto>.Invalid(new Validator(loc).Fail("cell", "oversight.same-cell"));
        }

        line.Result = request.Result!;
        line.FoundCell = request.Result == VisitResults.OtherCell ? request.Cell!.Trim() : null;
        line.Note = Blank(request.Note);
        line.CheckedAt = clock.GetUtcNow().UtcDateTime;
        visit.Version++;
        return await SaveAsync(visit, ct);
    }

    public async Task<Outcome<VisitDto>> AddUnregisteredAsync(ClaimsPrincipal user, Guid visitId, VisitUnregisteredRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("description", request.Description, 400).MaxLength("cell", request.Cell, 40);
        if (!v.IsValid)
        {
            return Outcome<VisitDto>.Invalid(v);
        }

        var mine = await MineAsync(user, visitId, ct, forWriting: true);
        if (!mine.IsOk)
        {
            return mine.Failure<VisitDto>();
        }

        var visit = mine.Value!;

        var now = clock.GetUtcNow();
        var last = await db.Set<VisitLine>().Where(l => l.VisitId == visitId).MaxAsync(l => (int?)l.Order, ct) ?? 0;
        db.Add(new VisitLine
        {
            Id = Guid.CreateVersion7(now),
            VisitId = visitId,
            Order = last + 1,
            PersonName = request.Description!.Trim(),
            Result = VisitResults.Unregistered,
            FoundCell = Blank(request.Cell),
            CheckedAt = now.UtcDateTime,
        });
        visit.Version++;
        return await SaveAsync(visit, ct);
    }

    /// <summary>Closes the visit; each line that is not "found" (unchecked ones included) goes to the inspectors' queue.</summary>
    public async Task<Outcome<VisitDto>> CloseAsync(ClaimsPrincipal user, Guid visitId, VisitCloseRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("summary", request.Summary, 4000);
        if (!v.IsValid)
        {
            return Outcome<VisitDto>.Invalid(v);
        }

        var mine = await MineAsync(user, visitId, ct, forWriting: true);
        if (!mine.IsOk)
        {
            return mine.Failure<VisitDto>();
        }

        var visit = mine.Value!;

        var now = clock.GetUtcNow();
        visit.ClosedAt = now.UtcDateTime;
        visit.Summary = Blank(request.Summary);
        visit.Version++;
        var lines = await db.Set<VisitLine>().AsNoTracking().Where(l => l.VisitId == visitId).ToListAsync(ct);
        var discrepancies = lines.Where(l => l.Result != VisitResults.Found).ToList();
        if (options.Value.Rules.GetValueOrDefault(ReviewRules.VisitDiscrepancy, ReviewRules.OnByDefault(ReviewRules.VisitDiscrepancy)))
        {
            foreach (var line in discrepancies)
            {
                db.Add(new ReviewItem
                {
                    Id = Guid.CreateVersion7(now),
                    FacilityId = visit.FacilityId,
                    RecordId = line.RecordId ?? Guid.Empty,
                    RecordNumber = line.RecordNumber ?? "—",
                    Rule = ReviewRules.VisitDiscrepancy,
                    SourceId = line.Id,
                    SourceKind = "visit",
                    Detail = line.Result,
                    OccurredAt = line.CheckedAt ?? now.UtcDateTime,
                    RaisedAt = now.UtcDateTime,
                    QueuedAt = now.UtcDateTime,
                });
            }
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.visit.closed",
            ResourceType = "visit",
            ResourceId = visit.Id.ToString(),
            OrgUnitId = visit.FacilityId,
            Details = JsonSerializer.Serialize(new { discrepancies = discrepancies.Count, lines = lines.Count }),
        }, ct);
        return await SaveAsync(visit, ct);
    }

    /// <summary>
    /// The caller's visit, if its grant may be used now; for writing, tracked and still open (a closed one is a conflict).
    /// </summary>
    private async Task<Outcome<Visit>> MineAsync(ClaimsPrincipal user, Guid visitId, CancellationToken ct, bool forWriting = false)
    {
        var query = forWriting ? db.Set<Visit>() : db.Set<Visit>().AsNoTracking();
        var visit = await query.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return Outcome<Visit>.NotFound();
        }

        var active = await grants.ActiveAsync(user, visit.GrantId, ct);
        return !active.IsOk ? active.Failure<Visit>()
            : forWriting && visit.ClosedAt is not null ? Outcome<Visit>.Conflict("oversight.problem.visit-closed")
            : Outcome<Visit>.Ok(visit);
    }

    private async Task<Outcome<VisitDto>> SaveAsync(Visit visit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<VisitDto>.Conflict("oversight.problem.visit-changed");
        }

        return Outcome<VisitDto>.Ok(await ToDtoAsync(visit, ct));
    }

    private async Task<VisitDto> ToDtoAsync(Visit visit, CancellationToken ct, bool withLines = true)
    {
        var lines = await db.Set<VisitLine>().AsNoTracking().Where(l => l.VisitId == visit.Id).OrderBy(l => l.Order).ToListAsync(ct);
        return new VisitDto(visit.Id, visit.GrantId, visit.FacilityId, org.Current.Find(visit.FacilityId)?.DisplayName ?? "", visit.MonitorName,
            Utc(visit.StartedAt), visit.ClosedAt is { } c ? Utc(c) : null, visit.Summary,
            withLines ? lines.Select(l => new VisitLineDto(l.Id, l.RecordId, l.RecordNumber, l.PersonName, l.RegisteredCell, l.Result, l.FoundCell, l.Note,
                l.CheckedAt is { } t ? Utc(t) : null)).ToList() : [],
            lines.Count(l => l.Result != VisitResults.Found));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
