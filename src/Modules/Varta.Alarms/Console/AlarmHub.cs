using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Varta.Alarms.Contracts;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Alarms.Console;

/// <summary>
/// Consoles connect here and are put in the groups of the court buildings their roles cover. The hub only
/// pushes; actions go through HTTP, stored first.
/// </summary>
[Authorize]
internal sealed class AlarmHub(Access access) : Hub<IAlarmClient>
{
    public static readonly string[] ConsoleRoles = [Roles.Dispatcher, Roles.SecurityOfficer, Roles.UnitHead];

    public static string SiteGroup(Guid siteId) => $"site:{siteId:N}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user)
        {
            foreach (var site in access.SitesFor(user, SiteKinds.CourtBuilding, ConsoleRoles))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup(site.Id));
            }
        }

        await base.OnConnectedAsync();
    }
}
