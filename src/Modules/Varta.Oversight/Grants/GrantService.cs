using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using static Varta.Platform.Persistence.StoredTime;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Grants;

/// <summary>
/// Grants of read-only access for outside bodies: made and revoked by an administrator or unit head over the unit,
/// used by the grantee while active. Every look a grantee takes is audited and kept for the facility's head.
/// </summary>
internal sealed class GrantService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock,
    Loc loc, PeopleDirectory people, ICustodyDocuments documents, IOptions<OversightOptions> options)
{
    /// <summary>Who may receive a grant: the people holding the external monitor's role.</summary>
    public async Task<IReadOnlyList<GranteeCandidateDto>> CandidatesAsync(CancellationToken ct) =>
        (await people.WithRoleAsync(Roles.ExternalMonitor, ct)).Select(p => new GranteeCandidateDto(p.UserId, p.DisplayName)).ToList();

    /// <summary>The units a grant may cover for this manager: regions and facilities with detention facilities under them.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ScopesAsync(ClaimsPrincipal user)
    {
        var tree = org.Current;
        var facilities = tree.Sites(SiteKinds.DetentionFacility).ToList();
        var units = new List<(Guid, string)>();
        foreach (var node in tree.Nodes.Where(n => facilities.Any(f => tree.IsWithin(f.Id, n.Id))).OrderBy(n => tree.PathOf(n.Id), StringComparer.Ordinal))
        {
            if (await authorization.AllowsAsync(user, OversightPolicies.ManageGrants, node.Id))
            {
                units.Add((node.Id, tree.PathOf(node.Id)));
            }
        }

        return units;
    }

    public async Task<Outcome<GrantDto>> CreateAsync(ClaimsPrincipal user, GrantRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc).Required("granteeUserId", request.GranteeUserId)
            .OneOf("body", request.Body, GrantBodies.All)
            .Required("scopeUnitId", request.ScopeUnitId)
            .Required("purpose", request.Purpose, 2000);
        var from = v.Instant("validFrom", request.ValidFrom, now, required: true);
        var until = v.Instant("validUntil", request.ValidUntil, now, required: true);
        if (from is { } f && until is { } u)
        {
            if (u <= f)
            {
                v.Fail("validUntil", "oversight.grant-ends-before-start");
            }
            else if (u <= now)
            {
                v.Fail("validUntil", "oversight.grant-already-ended");
            }
            else if (u - f > options.Value.MaxGrantLength)
            {
                v.Fail("validUntil", "oversight.grant-too-long");
            }
        }

        string? granteeName = null;
        if (request.GranteeUserId is { } grantee)
        {
            var monitor = (await people.WithRoleAsync(Roles.ExternalMonitor, ct)).FirstOrDefault(p => p.UserId == grantee);
            if (monitor is null)
            {
                v.Fail("granteeUserId", "oversight.not-a-monitor");
            }

            granteeName = monitor?.DisplayName;
        }

        if (request.ScopeUnitId is { } unit && org.Current.Find(unit) is not null
            && !org.Current.Sites(SiteKinds.DetentionFacility).Any(s => org.Current.IsWithin(s.Id, unit)))
        {
            v.Fail("scopeUnitId", "oversight.no-facilities-under");
        }

        if (!v.IsValid)
        {
            return Outcome<GrantDto>.Invalid(v);
        }

        if (org.Current.Find(request.ScopeUnitId!.Value) is null || !await authorization.AllowsAsync(user, OversightPolicies.ManageGrants, request.ScopeUnitId.Value))
        {
            return Outcome<GrantDto>.NotFound();
        }

        var grant = new Grant
        {
            Id = Guid.CreateVersion7(now),
            GranteeUserId = request.GranteeUserId!.Value,
            GranteeName = granteeName!,
            Body = request.Body!,
            ScopeUnitId = request.ScopeUnitId.Value,
            ValidFrom = from!.Value.UtcDateTime,
            ValidUntil = until!.Value.UtcDateTime,
            ShowMedical = request.ShowMedical ?? false,
            ShowRiskAssessment = request.ShowRiskAssessment ?? false,
            Purpose = request.Purpose!.Trim(),
        };
        db.Add(grant);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.grant.created",
            Category = AuditCategory.Admin,
            ResourceType = "grant",
            ResourceId = grant.Id.ToString(),
            OrgUnitId = grant.ScopeUnitId,
            Details = JsonSerializer.Serialize(new
            {
                granteeUserId = grant.GranteeUserId, grant.Body, validFrom = from, validUntil = until, grant.ShowMedical, grant.ShowRiskAssessment,
            }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<GrantDto>.Ok(ToDto(grant, now));
    }

    /// <summary>The grants over units this manager may manage, newest first.</summary>
    public async Task<IReadOnlyList<GrantDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var grants = await db.Set<Grant>().AsNoTracking().OrderByDescending(g => g.RecordedAt).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var mine = new List<GrantDto>();
        foreach (var g in grants)
        {
            if (await authorization.AllowsAsync(user, OversightPolicies.ManageGrants, g.ScopeUnitId))
            {
                mine.Add(ToDto(g, now));
            }
        }

        return mine;
    }

    /// <summary>The grants made to the caller, newest first, whatever their state.</summary>
    public async Task<IReadOnlyList<GrantDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        return (await db.Set<Grant>().AsNoTracking().Where(g => g.GranteeUserId == me).ToListAsync(ct))
            .OrderByDescending(g => g.ValidUntil).Select(g => ToDto(g, now)).ToList();
    }

    public async Task<Outcome<GrantDto>> RevokeAsync(ClaimsPrincipal user, Guid id, RevokeRequest request, CancellationToken ct)
    {
        var grant = await db.Set<Grant>().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null || !await authorization.AllowsAsync(user, OversightPolicies.ManageGrants, grant.ScopeUnitId))
        {
            return Outcome<GrantDto>.NotFound();
        }

        var v = new Validator(loc).Required("reason", request.Reason, 2000);
        if (!v.IsValid)
        {
            return Outcome<GrantDto>.Invalid(v);
        }

        if (grant.RevokedAt is not null)
        {
            return Outcome<GrantDto>.Conflict("oversight.problem.grant-revoked");
        }

        var now = clock.GetUtcNow();
        grant.RevokedAt = now.UtcDateTime;
        grant.RevokedBy = user.Identity?.Name;
        grant.RevokeReason = request.Reason!.Trim();
        grant.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.grant.revoked",
            Category = AuditCategory.Admin,
            ResourceType = "grant",
            ResourceId = id.ToString(),
            OrgUnitId = grant.ScopeUnitId,
            Reason = grant.RevokeReason,
        }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<GrantDto>.Conflict("oversight.problem.grant-revoked");
        }

        return Outcome<GrantDto>.Ok(ToDto(grant, now));
    }

    /// <summary>
    /// The caller's grant if it may be used now: another's or no such grant is not found; a revoked, expired or not yet
    /// valid grant is refused (403) and says which.
    /// </summary>
    public async Task<Outcome<Grant>> ActiveAsync(ClaimsPrincipal user, Guid grantId, CancellationToken ct)
    {
        var me = user.UserId();
        var grant = await db.Set<Grant>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == grantId && g.GranteeUserId == me, ct);
        return grant is null ? Outcome<Grant>.NotFound()
            : State(grant, clock.GetUtcNow()) switch
            {
                "active" => Outcome<Grant>.Ok(grant),
                var state => Outcome<Grant>.Forbidden($"oversight.problem.grant-{state}"),
            };
    }

    /// <summary>The detention facilities an active grant of the caller's covers, by name (none when it is not usable).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> FacilitiesOfAsync(ClaimsPrincipal user, Guid grantId, CancellationToken ct)
    {
        var active = await ActiveAsync(user, grantId, ct);
        return active.IsOk ? Facilities(active.Value!).Select(f => (f.Id, f.DisplayName)).ToList() : [];
    }

    /// <summary>The detention facilities a grant covers.</summary>
    public IReadOnlyList<OrgNode> Facilities(Grant grant) =>
        org.Current.Sites(SiteKinds.DetentionFacility).Where(s => org.Current.IsWithin(s.Id, grant.ScopeUnitId)).ToList();

    /// <summary>The records a grantee may open: those in custody now and those closed in the configured recent days.</summary>
    public async Task<Outcome<IReadOnlyList<GrantRecordLineDto>>> RecordsAsync(ClaimsPrincipal user, Guid grantId, CancellationToken ct)
    {
        var active = await ActiveAsync(user, grantId, ct);
        if (!active.IsOk)
        {
            return active.Failure<IReadOnlyList<GrantRecordLineDto>>();
        }

        var grant = active.Value!;
        var facilities = Facilities(grant);
        var now = clock.GetUtcNow();
        var lines = await documents.ListAsync(facilities.Select(f => f.Id).ToList(), now - options.Value.GrantRecentlyClosed, 2000, ct);
        foreach (var facility in facilities)
        {
            await ViewedAsync(grant, facility.Id, null, null, "records-list", ct);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<GrantRecordLineDto>>.Ok(lines.Select(l => new GrantRecordLineDto(l.RecordId, l.Number, l.FacilityId,
            org.Current.Find(l.FacilityId)?.DisplayName ?? "", l.Status, l.PersonName, l.CellNumber, l.DetainedAt, l.ClosedAt)).ToList());
    }

    /// <summary>One record as the grant shows it; outside the grant's facilities it is not found. Audited and kept for the facility's head.</summary>
    public async Task<Outcome<CustodyRecordDocument>> RecordAsync(ClaimsPrincipal user, Guid grantId, Guid recordId, CancellationToken ct)
    {
        var active = await ActiveAsync(user, grantId, ct);
        if (!active.IsOk)
        {
            return active.Failure<CustodyRecordDocument>();
        }

        var grant = active.Value!;
        var access = new CustodyFieldAccess(grant.ShowMedical, grant.ShowRiskAssessment);
        var record = await documents.ReadAsync(recordId, access, ct);
        if (record is null || !org.Current.IsWithin(record.FacilityId, grant.ScopeUnitId))
        {
            return Outcome<CustodyRecordDocument>.NotFound();
        }

        await ViewedAsync(grant, record.FacilityId, record.Id, record.Number, "record", ct, access.Withheld);
        await db.SaveChangesAsync(ct);
        return Outcome<CustodyRecordDocument>.Ok(record);
    }

    /// <summary>A grantee's look: in the audit log (as a read of the record or facility) and in the facility head's list. Saved by the caller.</summary>
    public async Task ViewedAsync(Grant grant, Guid facilityId, Guid? recordId, string? recordNumber, string what, CancellationToken ct,
        IReadOnlyList<string>? withheld = null)
    {
        var now = clock.GetUtcNow();
        db.Add(new GranteeView
        {
            Id = Guid.CreateVersion7(now),
            GrantId = grant.Id,
            FacilityId = facilityId,
            RecordId = recordId,
            RecordNumber = recordNumber,
            What = what,
            ViewedAt = now.UtcDateTime,
        });
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.grant.viewed",
            Category = AuditCategory.Read,
            ResourceType = recordId is null ? "facility" : "custody-record",
            ResourceId = (recordId ?? facilityId).ToString(),
            OrgUnitId = facilityId,
            Details = JsonSerializer.Serialize(new { grantId = grant.Id, grant.Body, what, withheld = withheld is { Count: > 0 } ? withheld : null }),
        }, ct);
    }

    /// <summary>What grantees looked at in the facilities the caller heads, newest first.</summary>
    public async Task<IReadOnlyList<GranteeViewDto>> ViewsAsync(ClaimsPrincipal user, Guid? facilityId, int limit, CancellationToken ct)
    {
        var facilities = (await authorization.SitesAsync(user, OversightPolicies.ReadGranteeViews, org.Current, SiteKinds.DetentionFacility))
            .Select(s => s.Id).Where(f => facilityId is null || f == facilityId).ToList();
        var rows = await (from v in db.Set<GranteeView>().AsNoTracking()
                          join g in db.Set<Grant>().AsNoTracking() on v.GrantId equals g.Id
                          where facilities.Contains(v.FacilityId)
                          orderby v.ViewedAt descending
                          select new { v, g.GranteeName, g.Body }).Take(limit).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.grantee-views.read",
            Category = AuditCategory.Read,
            ResourceType = "grantee-view",
            Details = JsonSerializer.Serialize(new { facilityId, rows = rows.Count }),
        }, ct);
        return rows.Select(r => new GranteeViewDto(r.v.Id, r.v.GrantId, r.GranteeName, r.Body, r.v.FacilityId, org.Current.Find(r.v.FacilityId)?.DisplayName ?? "",
            r.v.RecordId, r.v.RecordNumber, r.v.What, Utc(r.v.ViewedAt))).ToList();
    }

    public static string State(Grant g, DateTimeOffset now) =>
        g.RevokedAt is not null ? "revoked"
        : now.UtcDateTime < g.ValidFrom ? "not-yet"
        : now.UtcDateTime >= g.ValidUntil ? "expired"
        : "active";

    private GrantDto ToDto(Grant g, DateTimeOffset now) => new(g.Id, g.GranteeUserId, g.GranteeName, g.Body, g.ScopeUnitId,
        org.Current.Find(g.ScopeUnitId)?.DisplayName ?? "", Utc(g.ValidFrom), Utc(g.ValidUntil), g.ShowMedical, g.ShowRiskAssessment, g.Purpose,
        State(g, now), Utc(g.RecordedAt), g.RecordedBy, g.RevokedAt is { } r ? Utc(r) : null, g.RevokedBy, g.RevokeReason);
}
