using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ListDevices;

/// <summary>The devices of the court buildings the caller may see, by name.</summary>
internal sealed class ListDevicesHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<IReadOnlyList<DeviceDto>> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = (await authorization.SitesAsync(user, AlarmsPolicies.ReadDevices, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();
        var devices = await db.Set<Device>().AsNoTracking().Where(d => ids.Contains(d.SiteId)).OrderBy(d => d.Name).ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToList();
        var bits = await db.Set<Dc09Key>().AsNoTracking().Where(k => deviceIds.Contains(k.DeviceId)).ToDictionaryAsync(k => k.DeviceId, k => k.Bits, ct);
        return devices.Select(d => DeviceDto.From(d, bits.TryGetValue(d.Id, out var b) ? b : null)).ToList();
    }
}
