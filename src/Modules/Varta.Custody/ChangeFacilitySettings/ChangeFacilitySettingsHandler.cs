using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.ReadFacilitySettings;
using Varta.Custody.Rules;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.ChangeFacilitySettings;

internal sealed record FacilitySettingsRequest(int? L1Minutes, int? L2Minutes, int? L3Minutes, int? L4Minutes, decimal? MinFloorAreaPerPerson);

/// <summary>
/// An administrator sets a facility's own check intervals and floor area per person, over the national defaults: shorter
/// than the defaults, never longer. Open records move to the new intervals at once.
/// </summary>
internal sealed class ChangeFacilitySettingsHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, IOptions<CustodyOptions> options, Loc loc)
{
    public async Task<Outcome<FacilitySettingsDto>> HandleAsync(ClaimsPrincipal user, Guid facilityId, FacilitySettingsRequest request, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility || !await authorization.AllowsAsync(user, CustodyPolicies.ManageSettings, facilityId))
        {
            return Outcome<FacilitySettingsDto>.NotFound();
        }

        var v = new Validator(loc);
        // A level's interval may be shortened, never lengthened beyond the national default: the defaults are the minimum standard.
        Check(v, "l1Minutes", request.L1Minutes, options.Value.CheckMinutes.GetValueOrDefault(1, 60));
        Check(v, "l2Minutes", request.L2Minutes, options.Value.CheckMinutes.GetValueOrDefault(2, 30));
        Check(v, "l3Minutes", request.L3Minutes, options.Value.CheckMinutes.GetValueOrDefault(3, 15));
        Check(v, "l4Minutes", request.L4Minutes, options.Value.CheckMinutes.GetValueOrDefault(4, 15));
        if (request.MinFloorAreaPerPerson is { } area && (area < options.Value.MinFloorAreaPerPerson || area > 50))
        {
            v.Fail("minFloorAreaPerPerson", "range", options.Value.MinFloorAreaPerPerson, 50);
        }

        if (!v.IsValid)
        {
            return Outcome<FacilitySettingsDto>.Invalid(v);
        }

        var settings = await db.Set<FacilitySettings>().FirstOrDefaultAsync(s => s.FacilityId == facilityId, ct);
        if (settings is null)
        {
            settings = new FacilitySettings { FacilityId = facilityId };
            db.Set<FacilitySettings>().Add(settings);
        }

        settings.L1Minutes = request.L1Minutes;
        settings.L2Minutes = request.L2Minutes;
        settings.L3Minutes = request.L3Minutes;
        settings.L4Minutes = request.L4Minutes;
        settings.MinFloorAreaPerPerson = request.MinFloorAreaPerPerson;
        var policy = CheckPolicy.For(options.Value, settings);
        foreach (var record in await db.Set<CustodyRecord>().Where(r => r.FacilityId == facilityId && r.Status == RecordStatus.InCustody).ToListAsync(ct))
        {
            // Open records move to the new intervals at once, not at their next entry.
            record.NextCheckDue = (record.LastCheckAt ?? record.ArrivedAt).AddMinutes(policy.MinutesFor(record.ObservationLevel));
        }

        audit.Record(new AuditRecord
        {
            Action = "custody.facility.settings-changed",
            Category = AuditCategory.Admin,
            ResourceType = "custody-facility",
            ResourceId = facilityId.ToString(),
            OrgUnitId = facilityId,
            Details = JsonSerializer.Serialize(request),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<FacilitySettingsDto>.Ok(ReadFacilitySettingsQuery.ToDto(facilityId, CheckPolicy.For(options.Value, settings)));
    }

    private static void Check(Validator v, string field, int? minutes, int max)
    {
        if (minutes is { } m && (m < 1 || m > max))
        {
            v.Fail(field, "range", 1, max);
        }
    }
}
