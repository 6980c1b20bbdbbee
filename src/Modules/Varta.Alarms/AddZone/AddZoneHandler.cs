using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Varta.Alarms.Data;
using Varta.Alarms.ListSites;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.AddZone;

internal sealed record CreateZoneRequest(Guid? SiteId, string? Name, string? NameEn, int? Floor, string? Kind);

/// <summary>An administrator of the building adds a zone: where a device is, so that a console can say "courtroom 2, floor 2".</summary>
internal sealed class AddZoneHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public static readonly string[] ZoneKinds = ["courtroom", "judge-office", "entrance", "corridor", "holding-cells", "other"];

    public async Task<Outcome<ZoneDto>> HandleAsync(ClaimsPrincipal user, CreateZoneRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).Required("name", r.Name, 200).MaxLength("nameEn", r.NameEn, 200).OneOf("kind", r.Kind, ZoneKinds);
        if (r.Floor is < -5 or > 100)
        {
            v.Fail("floor", "range", -5, 100);
        }

        if (r.SiteId is not { } siteId || org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding
            || !await authorization.AllowsAsync(user, AlarmsPolicies.ManageZones, siteId))
        {
            return r.SiteId is null ? Outcome<ZoneDto>.Invalid(v.Fail("siteId", "required")) : Outcome<ZoneDto>.NotFound();
        }

        if (!v.IsValid)
        {
            return Outcome<ZoneDto>.Invalid(v);
        }

        var zone = new Zone { Id = Guid.CreateVersion7(clock.GetUtcNow()), SiteId = siteId, Name = r.Name!.Trim(), NameEn = (r.NameEn ?? r.Name!).Trim(), Floor = r.Floor ?? 0, Kind = r.Kind! };
        db.Set<Zone>().Add(zone);
        audit.Record(new AuditRecord { Action = "alarms.zone.created", Category = AuditCategory.Admin, ResourceType = "alarm-zone", ResourceId = zone.Id.ToString(), OrgUnitId = siteId });
        await db.SaveChangesAsync(ct);
        return Outcome<ZoneDto>.Ok(new ZoneDto(zone.Id, zone.Name, zone.NameEn, zone.Floor, zone.Kind));
    }
}
