using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Processing;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Console;

/// <summary>A security officer who can be sent; <c>OnDuty</c> when the building's roster has them on a shift now, until <c>DutyUntil</c>.</summary>
internal sealed record ResponderDto(Guid UserId, string Username, string DisplayName, bool OnDuty, DateTimeOffset? DutyUntil);

/// <summary>
/// Who can be sent: the security officers whose role covers the building, those on duty now first. When nobody is
/// on duty the list still holds everyone, so that a dispatcher is never left without a choice. A responder's
/// phone view lists the open alarms they were dispatched to.
/// </summary>
internal sealed class Responders(VartaDbContext db, Access access, OrgDirectory org, PeopleDirectory people, Duty.DutyRoster roster)
{
    public async Task<IReadOnlyList<ResponderDto>?> ForSiteAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, AlarmHub.ConsoleRoles))
        {
            return null;
        }

        var onDuty = await roster.OnDutyAsync(siteId, ct);
        return (await people.WithRoleOverAsync(Roles.SecurityOfficer, siteId, ct))
            .Select(p => new ResponderDto(p.UserId, p.Username, p.DisplayName, onDuty.ContainsKey(p.UserId), onDuty.TryGetValue(p.UserId, out var until) ? until : null))
            .OrderByDescending(r => r.OnDuty).ToList(); // stable: by name within each group

    }

    /// <summary>Open alarms the signed-in responder was dispatched to (by username or name).</summary>
    public async Task<IReadOnlyList<AlarmDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var username = user.Identity?.Name ?? "";
        var display = user.FindFirstValue(VartaClaims.DisplayName) ?? username;
        var candidates = await db.Set<Alarm>().AsNoTracking()
            .Where(a => a.Status == AlarmStatus.Dispatched && a.Responders != null).ToListAsync(ct);
        var mine = candidates.Where(a => a.Responders!.Split(',').Select(r => r.Trim())
            .Any(r => string.Equals(r, username, StringComparison.OrdinalIgnoreCase) || string.Equals(r, display, StringComparison.OrdinalIgnoreCase)))
            .Where(a => access.Allows(user, a.SiteId, AlarmHub.ConsoleRoles)).ToList();
        var zoneIds = mine.Where(a => a.ZoneId != null).Select(a => a.ZoneId!.Value).ToList();
        var zones = await db.Set<Zone>().AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, ct);
        var consented = await AlarmWriter.ConsentedAsync(db, mine, ct);
        return mine.OrderBy(a => a.Priority).ThenBy(a => a.ReceivedAt)
            .Select(a => AlarmWriter.ToDto(a, a.ZoneId is { } z ? zones.GetValueOrDefault(z) : null, null, org, consented)).ToList();
    }
}
