using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Processing;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Console;

internal sealed record ResponderDto(Guid UserId, string Username, string DisplayName);

/// <summary>
/// Who can be sent: the security officers whose role covers the building. A responder's phone view lists the
/// open alarms they were dispatched to.
/// </summary>
internal sealed class Responders(VartaDbContext db, Access access, OrgDirectory org, PeopleDirectory people)
{
    public async Task<IReadOnlyList<ResponderDto>?> ForSiteAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, AlarmHub.ConsoleRoles))
        {
            return null;
        }

        return (await people.WithRoleOverAsync(Roles.SecurityOfficer, siteId, ct)).Select(p => new ResponderDto(p.UserId, p.Username, p.DisplayName)).ToList();
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
        return mine.OrderBy(a => a.Priority).ThenBy(a => a.ReceivedAt)
            .Select(a => AlarmWriter.ToDto(a, a.ZoneId is { } z ? zones.GetValueOrDefault(z) : null, null, org)).ToList();
    }
}
