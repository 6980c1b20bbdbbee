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
internal sealed class AlarmHub(IAuthorizationService authorization, OrgDirectory org, Feed.AlarmNotifier notifier) : Hub<IAlarmClient>
{
    private const string Counted = "varta:counted";

    public static string SiteGroup(Guid siteId) => $"site:{siteId:N}";

    public override async Task OnConnectedAsync()
    {
        // Counted before it joins its groups (so before anything is pushed to it), and uncounted once, on disconnect
        // or when connecting fails here, whether or not a failed connect is disconnected.
        notifier.HubConnected(+1);
        Context.Items[Counted] = true;
        try
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
        catch
        {
            Uncount();
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Uncount();
        return base.OnDisconnectedAsync(exception);
    }

    private void Uncount()
    {
        if (Context.Items.Remove(Counted))
        {
            notifier.HubConnected(-1);
        }
    }
}
