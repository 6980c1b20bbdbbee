using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Varta.Alarms.Contracts;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Alarms.Console;

/// <summary>
/// Consoles connect here and are put in the groups of the court buildings their roles cover. The hub only
/// pushes; actions go through HTTP, stored first. Who may watch which building is decided once, on connect.
/// </summary>
[Authorize]
internal sealed class AlarmHub(IAuthorizationService authorization, OrgDirectory org) : Hub<IAlarmClient>
{
    public static string SiteGroup(Guid siteId) => $"site:{siteId:N}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user)
        {
            foreach (var site in await authorization.SitesAsync(user, AlarmsPolicies.Console, org.Current, SiteKinds.CourtBuilding))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup(site.Id));
            }
        }

        await base.OnConnectedAsync();
    }
}
