using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Varta.Alarms.DutyRoster;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Alarms.Responders;

/// <summary>A security officer who can be sent; <c>OnDuty</c> when the building's roster has them on a shift now, until <c>DutyUntil</c>.</summary>
internal sealed record ResponderDto(Guid UserId, string Username, string DisplayName, bool OnDuty, DateTimeOffset? DutyUntil);

/// <summary>
/// Who can be sent: the security officers whose role covers the building, those on duty now first. When nobody is
/// on duty the list still holds everyone, so that a dispatcher is never left without a choice.
/// </summary>
internal sealed class RespondersHandler(IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, DutyRosterRules roster)
{
    public async Task<IReadOnlyList<ResponderDto>?> HandleAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !await authorization.AllowsAsync(user, AlarmsPolicies.ReadResponders, siteId))
        {
            return null;
        }

        var onDuty = await roster.OnDutyAsync(siteId, ct);
        return (await people.WithRoleOverAsync(Roles.SecurityOfficer, siteId, ct))
            .Select(p => new ResponderDto(p.UserId, p.Username, p.DisplayName, onDuty.ContainsKey(p.UserId), onDuty.TryGetValue(p.UserId, out var until) ? until : null))
            .OrderByDescending(r => r.OnDuty).ToList(); // stable: by name within each group
    }
}
