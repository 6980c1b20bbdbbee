using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Advisories;

/// <summary>
/// Informing people (000 #5, #6): security advisories to a person, a court or a group with read receipts; requests
/// for a personal recommendation, tracked until answered; health precaution notices for a hearing, whose diagnosis
/// only the filing medical officer sees.
/// </summary>
internal sealed class AdvisoryService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, IAuditLog audit,
    TimeProvider clock, Loc loc)
{
    public const string AdvisoryItem = "advisory";
    public const string HealthItem = "health-notice";

    /// <summary>
    /// Issues an advisory to the people it names, each with a receipt: 400 naming the fields, 404 for a unit outside
    /// the caller's scope, 400 when nobody would receive it.
    /// </summary>
    public async Task<Outcome<AdvisoryDto>> IssueAsync(ClaimsPrincipal user, AdvisoryRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("kind", request.Kind, AdvisoryKinds.All).Required("title", request.Title, 200).Required("body", request.Body, 8000);
        RecommendationRequest? answering = null;
        if (request.RequestId is { } requestId)
        {
            answering = await db.Set<RecommendationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
            if (answering is null || !await authorization.AllowsAsync(user, ThreatsPolicies.IssueAdvisories, answering.CourtId))
            {
                return Outcome<AdvisoryDto>.NotFound();
            }

            if (answering.Status != "open")
            {
                return Outcome<AdvisoryDto>.Conflict("threats.request-answered");
            }
        }
        else
        {
            v.OneOf("audience", request.Audience, Audiences.All).Required("unitId", request.UnitId);
            if (request.Audience == Audiences.Person)
            {
                v.Required("userId", request.UserId);
            }

            if (request.Audience == Audiences.Group)
            {
                v.OneOf("role", request.Role, Audiences.GroupRoles);
            }
        }

        if (!v.IsValid)
        {
            return Outcome<AdvisoryDto>.Invalid(v);
        }

        var unitId = answering?.CourtId ?? request.UnitId!.Value;
        if (org.Current.Find(unitId) is not { } unit || !await authorization.AllowsAsync(user, ThreatsPolicies.IssueAdvisories, unitId))
        {
            return Outcome<AdvisoryDto>.NotFound();
        }

        var audience = answering is null ? request.Audience! : Audiences.Person;
        List<PersonRef> recipients;
        if (answering is not null)
        {
            recipients = [new PersonRef(answering.RequesterUserId, "", answering.RequesterName)];
        }
        else if (audience == Audiences.Person)
        {
            var described = await people.WorksAtAsync(request.UserId!.Value, unitId, ct) ? await people.DescribeAsync(request.UserId.Value, unitId, [], ct) : null;
            if (described is null)
            {
                return Outcome<AdvisoryDto>.Invalid(new Validator(loc).Fail("userId", "threats.not-at-court"));
            }

            recipients = [new PersonRef(request.UserId.Value, "", described.Value.DisplayName)];
        }
        else
        {
            var roles = audience == Audiences.Group ? [request.Role!] : Audiences.GroupRoles;
            recipients = [];
            foreach (var role in roles)
            {
                recipients.AddRange(await people.WithRoleOverAsync(role, unitId, ct));
            }

            recipients = recipients.DistinctBy(p => p.UserId).ToList();
        }

        if (recipients.Count == 0)
        {
            return Outcome<AdvisoryDto>.Invalid(new Validator(loc).Fail("audience", "threats.nobody"));
        }

        Guid? caseId = null;
        if (request.CaseId is { } cid)
        {
            var c = await db.Set<ThreatCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid, ct);
            if (c is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ReadCases, c.CourtId))
            {
                return Outcome<AdvisoryDto>.Invalid(new Validator(loc).Fail("caseId", "threats.case-unknown"));
            }

            caseId = cid;
        }

        var now = clock.GetUtcNow();
        var advisory = new Advisory
        {
            Id = Guid.CreateVersion7(now),
            UnitId = unitId,
            Audience = audience,
            AudienceRole = audience == Audiences.Group ? request.Role : null,
            Kind = request.Kind!,
            Title = request.Title!.Trim(),
            Body = request.Body!.Trim(),
            CaseId = caseId,
            RequestId = answering?.Id,
            IssuedByUserId = user.UserId(),
            IssuedByName = CaseLog.NameOf(user),
        };
        db.Add(advisory);
        var receipts = recipients.Select(r => new Receipt { Id = Guid.CreateVersion7(now), ItemId = advisory.Id, ItemKind = AdvisoryItem, UserId = r.UserId, Name = r.DisplayName })
            .ToList();
        db.AddRange(receipts);
        if (answering is not null)
        {
            answering.Status = "answered";
            answering.AdvisoryId = advisory.Id;
            answering.AnsweredAt = now.UtcDateTime;
            answering.AnsweredBy = CaseLog.NameOf(user);
        }

        audit.Record(new AuditRecord
        {
            Action = "threats.advisory.issued", ResourceType = "threat-advisory", ResourceId = advisory.Id.ToString(), OrgUnitId = unitId,
            Details = JsonSerializer.Serialize(new { advisory.Audience, advisory.AudienceRole, advisory.Kind, recipients = receipts.Count, advisory.CaseId, advisory.RequestId }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<AdvisoryDto>.Ok(ToDto(advisory, unit.DisplayName, receipts));
    }

    /// <summary>The advisories issued over units the caller issues for, newest first, with their receipts.</summary>
    public async Task<IReadOnlyList<AdvisoryDto>> IssuedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var advisories = await db.Set<Advisory>().AsNoTracking().OrderByDescending(a => a.RecordedAt).Take(500).ToListAsync(ct);
        var mine = new List<Advisory>();
        foreach (var a in advisories)
        {
            if (await authorization.AllowsAsync(user, ThreatsPolicies.IssueAdvisories, a.UnitId))
            {
                mine.Add(a);
            }

            if (mine.Count == 100)
            {
                break;
            }
        }

        var ids = mine.Select(a => a.Id).ToList();
        var receipts = (await db.Set<Receipt>().AsNoTracking().Where(r => ids.Contains(r.ItemId)).ToListAsync(ct)).ToLookup(r => r.ItemId);
        await audit.AppendAsync(new AuditRecord { Action = "threats.advisories.read", Category = AuditCategory.Read, ResourceType = "threat-advisory", Details = JsonSerializer.Serialize(new { count = mine.Count }) }, ct);
        return mine.Select(a => ToDto(a, org.Current.Find(a.UnitId)?.DisplayName ?? "", receipts[a.Id])).ToList();
    }

    /// <summary>The advisories sent to the caller, unread first.</summary>
    public async Task<IReadOnlyList<MyAdvisoryDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await (from r in db.Set<Receipt>().AsNoTracking()
                          join a in db.Set<Advisory>().AsNoTracking() on r.ItemId equals a.Id
                          where r.UserId == me && r.ItemKind == AdvisoryItem
                          orderby a.RecordedAt descending
                          select new { a, r.ReadAt }).Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.advisories.mine.read", Category = AuditCategory.Read, ResourceType = "threat-advisory", Details = JsonSerializer.Serialize(new { count = rows.Count }) }, ct);
        return rows.OrderBy(x => x.ReadAt is not null)
            .Select(x => new MyAdvisoryDto(x.a.Id, x.a.Kind, x.a.Title, x.a.Body, x.a.IssuedByName, Utc(x.a.RecordedAt), Utc(x.ReadAt))).ToList();
    }

    /// <summary>
    /// The caller confirms reading an advisory or a health notice sent to them: stored before it is answered, once (a
    /// second confirmation keeps the first time). 404 for anything not sent to the caller.
    /// </summary>
    public async Task<Outcome<ReceiptDto>> ConfirmAsync(ClaimsPrincipal user, string kind, Guid itemId, CancellationToken ct)
    {
        var me = user.UserId();
        var receipt = await db.Set<Receipt>().FirstOrDefaultAsync(r => r.ItemId == itemId && r.UserId == me && r.ItemKind == kind, ct);
        if (receipt is null)
        {
            return Outcome<ReceiptDto>.NotFound();
        }

        if (receipt.ReadAt is null)
        {
            receipt.ReadAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(new AuditRecord
            {
                Action = $"threats.{kind}.read-confirmed", ResourceType = $"threat-{kind}", ResourceId = itemId.ToString(),
            });
            await db.SaveChangesAsync(ct);
        }

        return Outcome<ReceiptDto>.Ok(new ReceiptDto(receipt.UserId, receipt.Name, Utc(receipt.ReadAt)));
    }

    /// <summary>A person asks court security of their court for a personal security recommendation.</summary>
    public async Task<Outcome<RecommendationDto>> AskAsync(ClaimsPrincipal user, RecommendationAsk ask, CancellationToken ct)
    {
        var v = new Validator(loc).Required("courtId", ask.CourtId).Required("question", ask.Question, 4000);
        if (!v.IsValid)
        {
            return Outcome<RecommendationDto>.Invalid(v);
        }

        var courtId = ask.CourtId!.Value;
        if (org.Current.Find(courtId) is not { SiteKind: SiteKinds.CourtBuilding } court || !await authorization.AllowsAsync(user, ThreatsPolicies.FileReport, courtId))
        {
            return Outcome<RecommendationDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var request = new RecommendationRequest
        {
            Id = Guid.CreateVersion7(now), CourtId = courtId, RequesterUserId = user.UserId(), RequesterName = CaseLog.NameOf(user), Question = ask.Question!.Trim(),
        };
        db.Add(request);
        audit.Record(new AuditRecord { Action = "threats.recommendation.asked", ResourceType = "threat-recommendation", ResourceId = request.Id.ToString(), OrgUnitId = courtId });
        await db.SaveChangesAsync(ct);
        return Outcome<RecommendationDto>.Ok(ToDto(request, court.DisplayName, now));
    }

    /// <summary>The caller's own requests, newest first.</summary>
    public async Task<IReadOnlyList<RecommendationDto>> MyRequestsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await db.Set<RecommendationRequest>().AsNoTracking().Where(r => r.RequesterUserId == me).OrderByDescending(r => r.RecordedAt).Take(100).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.recommendations.mine.read", Category = AuditCategory.Read, ResourceType = "threat-recommendation", Details = JsonSerializer.Serialize(new { count = rows.Count }) }, ct);
        return rows.Select(r => ToDto(r, org.Current.Find(r.CourtId)?.DisplayName ?? "", null)).ToList();
    }

    /// <summary>Open requests at the courts the caller issues advisories for, oldest first.</summary>
    public async Task<IReadOnlyList<RecommendationDto>> OpenRequestsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var courts = (await authorization.SitesAsync(user, ThreatsPolicies.IssueAdvisories, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();
        var rows = await db.Set<RecommendationRequest>().AsNoTracking().Where(r => r.Status == "open" && courts.Contains(r.CourtId)).OrderBy(r => r.RecordedAt)
            .Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.recommendations.read", Category = AuditCategory.Read, ResourceType = "threat-recommendation", Details = JsonSerializer.Serialize(new { count = rows.Count }) }, ct);
        return rows.Select(r => ToDto(r, org.Current.Find(r.CourtId)?.DisplayName ?? "", null)).ToList();
    }

    /// <summary>
    /// A health precaution notice for a hearing, filed by a medical officer of the court: the precautions go to the
    /// people named (who must work at the court), each with a receipt; the diagnosis stays with the filer.
    /// </summary>
    public async Task<Outcome<HealthNoticeDto>> FileNoticeAsync(ClaimsPrincipal user, HealthNoticeRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc).Required("courtId", request.CourtId).Required("courtCaseNumber", request.CourtCaseNumber, 60)
            .MaxLength("courtroom", request.Courtroom, 60).MaxLength("instructions", request.Instructions, 4000).Required("diagnosis", request.Diagnosis, 2000);
        var hearing = v.Instant("hearingAt", request.HearingAt, now, required: true);
        var precautions = (request.Precautions ?? []).Select(p => p?.Trim() ?? "").Distinct().ToList();
        if (precautions.Count == 0)
        {
            v.Fail("precautions", "required");
        }
        else if (precautions.Any(p => !Precautions.All.Contains(p)))
        {
            v.Fail("precautions", "one-of", string.Join(", ", Precautions.All));
        }

        var recipientIds = (request.Recipients ?? []).Distinct().ToList();
        if (recipientIds.Count == 0)
        {
            v.Fail("recipients", "required");
        }

        if (!v.IsValid)
        {
            return Outcome<HealthNoticeDto>.Invalid(v);
        }

        var courtId = request.CourtId!.Value;
        if (org.Current.Find(courtId) is not { SiteKind: SiteKinds.CourtBuilding } court || !await authorization.AllowsAsync(user, ThreatsPolicies.FileHealthNotices, courtId))
        {
            return Outcome<HealthNoticeDto>.NotFound();
        }

        var recipients = new List<(Guid Id, string Name)>();
        foreach (var id in recipientIds)
        {
            var described = await people.WorksAtAsync(id, courtId, ct) ? await people.DescribeAsync(id, courtId, [], ct) : null;
            if (described is null)
            {
                return Outcome<HealthNoticeDto>.Invalid(new Validator(loc).Fail("recipients", "threats.not-at-court"));
            }

            recipients.Add((id, described.Value.DisplayName));
        }

        var notice = new HealthNotice
        {
            Id = Guid.CreateVersion7(now),
            CourtId = courtId,
            HearingAt = hearing!.Value.UtcDateTime,
            CourtCaseNumber = request.CourtCaseNumber!.Trim(),
            Courtroom = string.IsNullOrWhiteSpace(request.Courtroom) ? null : request.Courtroom.Trim(),
            Precautions = string.Join(' ', Precautions.All.Where(precautions.Contains)),
            Instructions = string.IsNullOrWhiteSpace(request.Instructions) ? null : request.Instructions.Trim(),
            Diagnosis = request.Diagnosis!.Trim(),
            FiledByUserId = user.UserId(),
            FiledByName = CaseLog.NameOf(user),
        };
        db.Add(notice);
        var receipts = recipients.Select(r => new Receipt { Id = Guid.CreateVersion7(now), ItemId = notice.Id, ItemKind = HealthItem, UserId = r.Id, Name = r.Name }).ToList();
        db.AddRange(receipts);

        // The audit names the hearing and the precautions, never the diagnosis.
        audit.Record(new AuditRecord
        {
            Action = "threats.health-notice.filed", ResourceType = "threat-health-notice", ResourceId = notice.Id.ToString(), OrgUnitId = courtId,
            Details = JsonSerializer.Serialize(new { notice.CourtCaseNumber, hearingAt = hearing, notice.Precautions, recipients = receipts.Count }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<HealthNoticeDto>.Ok(ToDto(notice, court.DisplayName, receipts));
    }

    /// <summary>The notices the caller filed, with their diagnoses and receipts: nobody else's.</summary>
    public async Task<IReadOnlyList<HealthNoticeDto>> FiledNoticesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var notices = await db.Set<HealthNotice>().AsNoTracking().Where(n => n.FiledByUserId == me).OrderByDescending(n => n.HearingAt).Take(200).ToListAsync(ct);
        var ids = notices.Select(n => n.Id).ToList();
        var receipts = (await db.Set<Receipt>().AsNoTracking().Where(r => ids.Contains(r.ItemId)).ToListAsync(ct)).ToLookup(r => r.ItemId);
        await audit.AppendAsync(new AuditRecord { Action = "threats.health-notices.filed.read", Category = AuditCategory.Read, ResourceType = "threat-health-notice", Details = JsonSerializer.Serialize(new { count = notices.Count }) }, ct);
        return notices.Select(n => ToDto(n, org.Current.Find(n.CourtId)?.DisplayName ?? "", receipts[n.Id])).ToList();
    }

    /// <summary>The notices sent to the caller: the precautions, never the diagnosis.</summary>
    public async Task<IReadOnlyList<MyHealthNoticeDto>> MyNoticesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await (from r in db.Set<Receipt>().AsNoTracking()
                          join n in db.Set<HealthNotice>().AsNoTracking() on r.ItemId equals n.Id
                          where r.UserId == me && r.ItemKind == HealthItem
                          orderby n.HearingAt descending
                          select new
                          {
                              n.Id, n.CourtId, n.HearingAt, n.CourtCaseNumber, n.Courtroom, n.Precautions, n.Instructions, n.FiledByName, r.ReadAt,
                          }).Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.health-notices.mine.read", Category = AuditCategory.Read, ResourceType = "threat-health-notice", Details = JsonSerializer.Serialize(new { count = rows.Count }) }, ct);
        return rows.Select(n => new MyHealthNoticeDto(n.Id, org.Current.Find(n.CourtId)?.DisplayName ?? "", Utc(n.HearingAt), n.CourtCaseNumber, n.Courtroom,
            n.Precautions.Split(' ', StringSplitOptions.RemoveEmptyEntries), n.Instructions, n.FiledByName, Utc(n.ReadAt))).ToList();
    }

    /// <summary>The people of a court a notice or an advisory may go to: its judges, staff and security officers.</summary>
    public async Task<IReadOnlyList<PersonOptionDto>> CourtPeopleAsync(ClaimsPrincipal user, Guid courtId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(user, ThreatsPolicies.FileHealthNotices, courtId) && !await authorization.AllowsAsync(user, ThreatsPolicies.IssueAdvisories, courtId))
        {
            return [];
        }

        return await CaseQueries.PeopleAsync(people, courtId, Audiences.GroupRoles, ct);
    }

    /// <summary>The courts the caller may issue advisories for, or file health notices at.</summary>
    public async Task<IReadOnlyList<CourtOptionDto>> CourtsAsync(ClaimsPrincipal user, string policy) =>
        (await authorization.SitesAsync(user, policy, org.Current, SiteKinds.CourtBuilding))
        .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => new CourtOptionDto(s.Id, s.DisplayName)).ToList();

    private static AdvisoryDto ToDto(Advisory a, string unitName, IEnumerable<Receipt> receipts)
    {
        var list = receipts.OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new ReceiptDto(r.UserId, r.Name, Utc(r.ReadAt))).ToList();
        return new AdvisoryDto(a.Id, a.UnitId, unitName, a.Audience, a.AudienceRole, a.Kind, a.Title, a.Body, a.IssuedByName, Utc(a.RecordedAt), list.Count,
            list.Count(r => r.ReadAt is not null), list);
    }

    private static HealthNoticeDto ToDto(HealthNotice n, string courtName, IEnumerable<Receipt> receipts) => new(
        n.Id, n.CourtId, courtName, Utc(n.HearingAt), n.CourtCaseNumber, n.Courtroom, n.Precautions.Split(' ', StringSplitOptions.RemoveEmptyEntries), n.Instructions,
        n.Diagnosis, Utc(n.RecordedAt), receipts.OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new ReceiptDto(r.UserId, r.Name, Utc(r.ReadAt))).ToList());

    private static RecommendationDto ToDto(RecommendationRequest r, string courtName, DateTimeOffset? askedNow) => new(
        r.Id, r.CourtId, courtName, r.RequesterName, r.Question, r.Status, askedNow ?? Utc(r.RecordedAt), Utc(r.AnsweredAt), r.AdvisoryId);
}
