using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.MyDispatches;

/// <summary>A responder's phone view: the open alarms the signed-in responder was dispatched to (by username or name).</summary>
internal sealed class MyDispatchesHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<IReadOnlyList<AlarmDto>> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var username = user.Identity?.Name ?? "";
        var display = user.FindFirstValue(VartaClaims.DisplayName) ?? username;
        var candidates = await db.Set<Alarm>().AsNoTracking()
            .Where(a => a.Status == AlarmStatus.Dispatched && a.Responders != null).ToListAsync(ct);
        var mine = new List<Alarm>();
        foreach (var a in candidates.Where(a => a.Responders!.Split(',').Select(r => r.Trim())
            .Any(r => string.Equals(r, username, StringComparison.OrdinalIgnoreCase) || string.Equals(r, display, StringComparison.OrdinalIgnoreCase))))
        {
            if (await authorization.AllowsAsync(user, AlarmsPolicies.MyDispatches, a.SiteId))
            {
                mine.Add(a);
            }
        }

        var zoneIds = mine.Where(a => a.ZoneId != null).Select(a => a.ZoneId!.Value).ToList();
        var zones = await db.Set<Zone>().AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, ct);
        var deviceIds = mine.Where(a => a.DeviceId != null).Select(a => a.DeviceId!.Value).Distinct().ToList();
        var devices = await db.Set<Device>().AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var consented = await AlarmWriter.ConsentedAsync(db, mine, ct);
        return mine.OrderBy(a => a.Priority).ThenBy(a => a.ReceivedAt)
            .Select(a => AlarmWriter.ToDto(a, a.ZoneId is { } z ? zones.GetValueOrDefault(z) : null, a.DeviceId is { } d ? devices.GetValueOrDefault(d) : null,
                org, consented)).ToList();
    }
}
