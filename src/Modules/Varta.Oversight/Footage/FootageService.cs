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

namespace Varta.Oversight.Footage;

/// <summary>
/// Footage requests (video surveillance in temporary detention facilities): who asks to see which camera and time range,
/// why, and who approved; only within the retention period; every approved view is in the audit log.
/// </summary>
internal sealed class FootageService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc,
    ICustodyDocuments custody, IOptions<OversightOptions> options)
{
    public async Task<Outcome<FootageRequestDto>> RequestAsync(ClaimsPrincipal user, FootageRequestBody body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc).Required("facilityId", body.FacilityId).Required("cameraCode", body.CameraCode, 100).Required("reason", body.Reason, 2000);
        var from = v.Instant("from", body.From, now);
        var to = v.Instant("to", body.To, now);
        if (from is { } f && to is { } t)
        {
            if (t <= f || t - f > TimeSpan.FromHours(24))
            {
                v.Fail("to", "video-range");
            }
            else if (t > now)
            {
                v.Fail("to", "oversight.footage-in-future");
            }
            else if (f < now - options.Value.FootageRetention)
            {
                v.Fail("from", "oversight.footage-past-retention", (int)options.Value.FootageRetention.TotalDays);
            }
        }

        if (!v.IsValid)
        {
            return Outcome<FootageRequestDto>.Invalid(v);
        }

        var facility = body.FacilityId!.Value;
        if (org.Current.Find(facility)?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, OversightPolicies.RequestFootage, facility))
        {
            return Outcome<FootageRequestDto>.NotFound();
        }

        var code = body.CameraCode!.Trim();
        var cameras = await custody.CamerasAsync(facility, ct);
        if (cameras.All(c => c.Code != code))
        {
            return Outcome<FootageRequestDto>.Invalid(new Validator(loc).Fail("cameraCode", "custody.unknown-camera"));
        }

        var request = new FootageRequest
        {
            Id = Guid.CreateVersion7(now),
            FacilityId = facility,
            CameraCode = code,
            From = from!.Value.UtcDateTime,
            To = to!.Value.UtcDateTime,
            Reason = body.Reason!.Trim(),
            RecordId = body.RecordId,
            RequestedById = user.UserId(),
        };
        db.Add(request);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.footage.requested",
            ResourceType = "footage-request",
            ResourceId = request.Id.ToString(),
            OrgUnitId = facility,
            Reason = request.Reason,
            Details = JsonSerializer.Serialize(new { camera = code, from, to, recordId = body.RecordId }),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<FootageRequestDto>.Ok(ToDto(request, cameras));
    }

    /// <summary>The requests of the facilities where the caller may ask or decide, newest first.</summary>
    public async Task<IReadOnlyList<FootageRequestDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var facilities = new HashSet<Guid>();
        foreach (var policy in new[] { OversightPolicies.RequestFootage, OversightPolicies.DecideFootage })
        {
            facilities.UnionWith((await authorization.SitesAsync(user, policy, org.Current, SiteKinds.DetentionFacility)).Select(s => s.Id));
        }

        var ids = facilities.ToList();
        var requests = await db.Set<FootageRequest>().AsNoTracking().Where(r => ids.Contains(r.FacilityId)).OrderByDescending(r => r.RecordedAt).Take(500)
            .ToListAsync(ct);
        var cameras = new Dictionary<Guid, IReadOnlyList<CustodyCameraLine>>();
        foreach (var f in requests.Select(r => r.FacilityId).Distinct())
        {
            cameras[f] = await custody.CamerasAsync(f, ct);
        }

        return requests.Select(r => ToDto(r, cameras[r.FacilityId])).ToList();
    }

    public async Task<Outcome<FootageRequestDto>> DecideAsync(ClaimsPrincipal user, Guid id, FootageDecisionBody body, CancellationToken ct)
    {
        var request = await db.Set<FootageRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await authorization.AllowsAsync(user, OversightPolicies.DecideFootage, request.FacilityId))
        {
            return Outcome<FootageRequestDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("decision", body.Decision, ["approve", "refuse"]).MaxLength("note", body.Note, 2000);
        if (body.Decision == "refuse")
        {
            v.Required("note", body.Note, 2000);
        }

        if (!v.IsValid)
        {
            return Outcome<FootageRequestDto>.Invalid(v);
        }

        if (request.Status != "pending")
        {
            return Outcome<FootageRequestDto>.Conflict("oversight.problem.footage-decided");
        }

        if (request.RequestedById == user.UserId())
        {
            return Outcome<FootageRequestDto>.Conflict("oversight.problem.footage-own-request");
        }

        request.Status = body.Decision == "approve" ? "approved" : "refused";
        request.DecidedBy = user.Identity?.Name;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        request.DecisionNote = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        request.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = $"oversight.footage.{request.Status}",
            ResourceType = "footage-request",
            ResourceId = id.ToString(),
            OrgUnitId = request.FacilityId,
            Reason = request.DecisionNote,
        }, ct);
        return await SaveAsync(request, ct);
    }

    /// <summary>A look at approved footage: audited (who, which camera and range), counted on the request.</summary>
    public async Task<Outcome<FootageRequestDto>> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var request = await db.Set<FootageRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await authorization.AllowsAsync(user, OversightPolicies.RequestFootage, request.FacilityId))
        {
            return Outcome<FootageRequestDto>.NotFound();
        }

        if (request.Status != "approved")
        {
            return Outcome<FootageRequestDto>.Conflict("oversight.problem.footage-not-approved");
        }

        request.Views++;
        request.Version++;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "oversight.footage.viewed",
            Category = AuditCategory.Read,
            ResourceType = "footage-request",
            ResourceId = id.ToString(),
            OrgUnitId = request.FacilityId,
            Details = JsonSerializer.Serialize(new { camera = request.CameraCode, from = request.From, to = request.To, recordId = request.RecordId }),
        }, ct);
        return await SaveAsync(request, ct);
    }

    private async Task<Outcome<FootageRequestDto>> SaveAsync(FootageRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FootageRequestDto>.Conflict("oversight.problem.footage-decided");
        }

        return Outcome<FootageRequestDto>.Ok(ToDto(request, await custody.CamerasAsync(request.FacilityId, ct)));
    }

    private FootageRequestDto ToDto(FootageRequest r, IReadOnlyList<CustodyCameraLine> cameras) => new(r.Id, r.FacilityId,
        org.Current.Find(r.FacilityId)?.DisplayName ?? "", r.CameraCode, cameras.FirstOrDefault(c => c.Code == r.CameraCode)?.Room ?? "", Utc(r.From), Utc(r.To),
        r.Reason, r.RecordId, r.Status, Utc(r.RecordedAt), r.RecordedBy, r.DecidedBy, r.DecidedAt is { } d ? Utc(d) : null, r.DecisionNote, r.Views);
}
