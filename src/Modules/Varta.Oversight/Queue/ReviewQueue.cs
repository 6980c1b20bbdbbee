using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using static Varta.Platform.Persistence.StoredTime;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Queue;

/// <summary>The review queue as inspectors and facility heads see it, and the inspector's work on an item: findings, closing.</summary>
internal sealed class ReviewQueue(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    /// <summary>
    /// The items in the caller's facilities, oldest first; <paramref name="status"/> is open (the default), closed or all.
    /// One audited read per request.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ReviewItemDto>>> ListAsync(ClaimsPrincipal user, string? status, Guid? facilityId, string? rule, int limit,
        CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("status", status ?? ReviewStatus.Open, [ReviewStatus.Open, ReviewStatus.Closed, "all"]);
        if (rule is not null)
        {
            v.OneOf("rule", rule, ReviewRules.All);
        }

        if (!v.IsValid)
        {
            return Outcome<IReadOnlyList<ReviewItemDto>>.Invalid(v);
        }

        var facilities = (await authorization.SitesAsync(user, OversightPolicies.ReadQueue, org.Current, SiteKinds.DetentionFacility)).Select(s => s.Id).ToList();
        if (facilityId is { } only)
        {
            facilities = facilities.Where(f => f == only).ToList();
        }

        var query = db.Set<ReviewItem>().AsNoTracking().Where(i => facilities.Contains(i.FacilityId));
        query = (status ?? ReviewStatus.Open) switch
        {
            "all" => query,
            var s => query.Where(i => i.Status == s),
        };
        if (rule is not null)
        {
            query = query.Where(i => i.Rule == rule);
        }

        var items = await query.OrderBy(i => i.QueuedAt).Take(limit).ToListAsync(ct);
        var findings = await FindingsAsync(items.Select(i => i.Id).ToList(), ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.queue.read",
            Category = AuditCategory.Read,
            ResourceType = "review-item",
            Details = JsonSerializer.Serialize(new { status = status ?? ReviewStatus.Open, facilityId, rule, rows = items.Count }),
        }, ct);
        return Outcome<IReadOnlyList<ReviewItemDto>>.Ok(items.Select(i => ToDto(i, findings)).ToList());
    }

    /// <summary>One item with its findings; not found outside the caller's facilities.</summary>
    public async Task<Outcome<ReviewItemDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await authorization.AllowsAsync(user, OversightPolicies.ReadQueue, item.FacilityId))
        {
            return Outcome<ReviewItemDto>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.item.read",
            Category = AuditCategory.Read,
            ResourceType = "review-item",
            ResourceId = id.ToString(),
            OrgUnitId = item.FacilityId,
        }, ct);
        return Outcome<ReviewItemDto>.Ok(ToDto(item, await FindingsAsync([id], ct)));
    }

    public async Task<Outcome<ReviewItemDto>> AddFindingAsync(ClaimsPrincipal user, Guid id, FindingRequest request, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await authorization.AllowsAsync(user, OversightPolicies.WorkQueue, item.FacilityId))
        {
            return Outcome<ReviewItemDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var v = new Validator(loc).OneOf("violationType", request.ViolationType, ViolationTypes.All)
            .Required("text", request.Text, 4000)
            .MaxLength("recommendation", request.Recommendation, 4000)
            .MaxLength("responsible", request.Responsible, 200);
        var dueBy = v.Instant("dueBy", request.DueBy, now, required: false);
        if (!v.IsValid)
        {
            return Outcome<ReviewItemDto>.Invalid(v);
        }

        if (item.Status == ReviewStatus.Closed)
        {
            return Outcome<ReviewItemDto>.Conflict("oversight.problem.closed");
        }

        var finding = new Finding
        {
            Id = Guid.CreateVersion7(now),
            ItemId = id,
            ViolationType = request.ViolationType!,
            Text = request.Text!.Trim(),
            Recommendation = Blank(request.Recommendation),
            Responsible = Blank(request.Responsible),
            DueBy = dueBy?.UtcDateTime,
        };
        db.Add(finding);
        item.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.finding.added",
            ResourceType = "review-item",
            ResourceId = id.ToString(),
            OrgUnitId = item.FacilityId,
            Details = JsonSerializer.Serialize(new { findingId = finding.Id, finding.ViolationType, recordId = item.RecordId }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewItemDto>.Ok(ToDto(item, await FindingsAsync([id], ct)));
    }

    public async Task<Outcome<ReviewItemDto>> CloseAsync(ClaimsPrincipal user, Guid id, CloseRequest request, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await authorization.AllowsAsync(user, OversightPolicies.WorkQueue, item.FacilityId))
        {
            return Outcome<ReviewItemDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("conclusion", request.Conclusion, ReviewConclusion.All).Required("note", request.Note, 2000);
        var findings = await FindingsAsync([id], ct);
        var mine = findings.GetValueOrDefault(id) ?? [];
        if (v.IsValid && request.Conclusion == ReviewConclusion.Violation && mine.Count == 0)
        {
            v.Fail("conclusion", "oversight.violation-needs-finding");
        }

        // Followed up until closed: a recommendation not yet seen acted on keeps the item open.
        if (v.IsValid && mine.Any(f => f.Recommendation is not null && f.ActedAt is null))
        {
            v.Fail("conclusion", "oversight.follow-up-pending");
        }

        if (!v.IsValid)
        {
            return Outcome<ReviewItemDto>.Invalid(v);
        }

        if (item.Status == ReviewStatus.Closed)
        {
            return Outcome<ReviewItemDto>.Conflict("oversight.problem.closed");
        }

        item.Status = ReviewStatus.Closed;
        item.Conclusion = request.Conclusion;
        item.ClosingNote = request.Note!.Trim();
        item.ClosedAt = clock.GetUtcNow().UtcDateTime;
        item.ClosedBy = user.Identity?.Name;
        item.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.item.closed",
            ResourceType = "review-item",
            ResourceId = id.ToString(),
            OrgUnitId = item.FacilityId,
            Details = JsonSerializer.Serialize(new { item.Conclusion, recordId = item.RecordId, findings = mine.Count }),
        }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ReviewItemDto>.Conflict("oversight.problem.closed");
        }

        return Outcome<ReviewItemDto>.Ok(ToDto(item, findings));
    }

    /// <summary>Records that a finding's recommendation was acted on, with what was done.</summary>
    public async Task<Outcome<ReviewItemDto>> FollowUpAsync(ClaimsPrincipal user, Guid id, Guid findingId, FollowUpRequest request, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        var finding = await db.Set<Finding>().FirstOrDefaultAsync(f => f.Id == findingId && f.ItemId == id, ct);
        if (item is null || finding is null || !await authorization.AllowsAsync(user, OversightPolicies.WorkQueue, item.FacilityId))
        {
            return Outcome<ReviewItemDto>.NotFound();
        }

        var v = new Validator(loc).Required("note", request.Note, 4000);
        if (!v.IsValid)
        {
            return Outcome<ReviewItemDto>.Invalid(v);
        }

        if (item.Status == ReviewStatus.Closed || finding.ActedAt is not null)
        {
            return Outcome<ReviewItemDto>.Conflict(item.Status == ReviewStatus.Closed ? "oversight.problem.closed" : "oversight.problem.followed-up");
        }

        finding.ActedAt = clock.GetUtcNow().UtcDateTime;
        finding.ActedNote = request.Note!.Trim();
        finding.ActedRecordedBy = user.Identity?.Name ?? "?";
        item.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.finding.followed-up",
            ResourceType = "review-item",
            ResourceId = id.ToString(),
            OrgUnitId = item.FacilityId,
            Details = JsonSerializer.Serialize(new { findingId, recordId = item.RecordId }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewItemDto>.Ok(ToDto(item, await FindingsAsync([id], ct)));
    }

    /// <summary>
    /// The items (with findings) about the given records, oldest first, with no scope check and no audit: for a caller that has
    /// checked the records' scope and audits its own read (a data-subject export).
    /// </summary>
    public async Task<IReadOnlyList<ReviewItemDto>> OfRecordsAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var ids = recordIds.ToList();
        var items = await db.Set<ReviewItem>().AsNoTracking().Where(i => ids.Contains(i.RecordId)).OrderBy(i => i.QueuedAt).ToListAsync(ct);
        var findings = await FindingsAsync(items.Select(i => i.Id).ToList(), ct);
        return items.Select(i => ToDto(i, findings)).ToList();
    }

    private async Task<Dictionary<Guid, List<FindingDto>>> FindingsAsync(List<Guid> itemIds, CancellationToken ct) =>
        (await db.Set<Finding>().AsNoTracking().Where(f => itemIds.Contains(f.ItemId)).OrderBy(f => f.RecordedAt).ToListAsync(ct))
        .GroupBy(f => f.ItemId)
        .ToDictionary(g => g.Key, g => g.Select(f => new FindingDto(f.Id, f.ViolationType, f.Text, f.Recommendation, f.Responsible,
            f.DueBy is { } d ? Utc(d) : null, Utc(f.RecordedAt), f.RecordedBy, f.ActedAt is { } a ? Utc(a) : null, f.ActedNote, f.ActedRecordedBy)).ToList());

    private ReviewItemDto ToDto(ReviewItem i, Dictionary<Guid, List<FindingDto>> findings) => new(
        i.Id, i.FacilityId, org.Current.Find(i.FacilityId)?.DisplayName ?? "", i.RecordId, i.RecordNumber, i.Rule, i.SourceId, i.SourceKind, i.Detail,
        Utc(i.OccurredAt), Utc(i.RaisedAt), Utc(i.QueuedAt), i.Status, i.Conclusion, i.ClosingNote, i.ClosedAt is { } c ? Utc(c) : null, i.ClosedBy,
        findings.TryGetValue(i.Id, out var f) ? f : []);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
