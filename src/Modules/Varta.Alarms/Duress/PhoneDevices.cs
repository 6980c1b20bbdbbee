using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Duress;

/// <summary>
/// A judge's or staff member's phone is a device of its own, created on first use of the duress page, in
/// the court building their role covers. Its alarms carry the person, for their medical profile.
/// </summary>
internal sealed class PhoneDevices(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, IOptions<AlarmsOptions> options)
{
    public async Task<Guid?> EnsureAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var existing = await db.Set<Device>().Where(d => d.OwnerUserId == userId && d.Kind == "phone" && d.Enabled).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var sites = await authorization.SitesAsync(user, AlarmsPolicies.PressDuress, org.Current, SiteKinds.CourtBuilding);
        var site = sites.Count > 0 ? sites[0] : null;
        if (site is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var device = new Device
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            SiteId = site.Id,
            Kind = "phone",
            Name = "phone:" + (user.Identity?.Name ?? userId.ToString()),
            SecretHash = DeviceAuthenticationHandler.HashSecret(DeviceAuthenticationHandler.NewSecret()),
            OwnerUserId = userId,
            // A phone is not supervised like a fixed button: it reports when used, not every 20 s.
            HeartbeatSeconds = 86_400 * 365,
        };
        device.HeardAt(now);
        db.Set<Device>().Add(device);
        audit.Record(new AuditRecord
        {
            Action = "alarms.device.phone-registered",
            Category = AuditCategory.Admin,
            ResourceType = "alarm-device",
            ResourceId = device.Id.ToString(),
            OrgUnitId = site.Id,
            Details = JsonSerializer.Serialize(new { heartbeat = options.Value.DefaultHeartbeatSeconds }),
        });
        await db.SaveChangesAsync(ct);
        return device.Id;
    }
}
