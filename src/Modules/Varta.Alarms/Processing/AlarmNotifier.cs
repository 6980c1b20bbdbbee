using Microsoft.AspNetCore.SignalR;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;

namespace Varta.Alarms.Processing;

/// <summary>
/// Pushes a stored event to consoles: SignalR clients (across hosts through the backplane) and pages on
/// this host. Called only after the event is committed; a console that misses a push catches up from the feed.
/// </summary>
internal sealed class AlarmNotifier(IHubContext<AlarmHub, IAlarmClient> hub)
{
    public event Action<AlarmEventDto>? Published;

    public async Task PublishAsync(AlarmEventDto e)
    {
        Published?.Invoke(e);
        await hub.Clients.Group(AlarmHub.SiteGroup(e.SiteId)).AlarmEvent(e);
    }
}
