using Varta.Alarms.Data;

namespace Varta.Alarms.Feed;

/// <summary>
/// How long the notifier leaves between the starts of two passes. A pass writes once to every console it has events
/// for, so its cost grows with the consoles connected, and the passes a second decide how often that cost is paid.
/// While few events go out, passes follow <see cref="AlarmsOptions.PushInterval"/>. While many do (a mass incident),
/// they are spaced by <see cref="AlarmsOptions.BusyPushIntervalPerConnection"/> per console connected, so that the host
/// writes to consoles at most so many times a second whatever their number: each frame then carries more events, and
/// the fan-out's CPU stays bounded as consoles are added, at the price of a later push. The busy interval is never below
/// <see cref="AlarmsOptions.BusyPushInterval"/> nor above <see cref="AlarmsOptions.MaxPushInterval"/>.
/// </summary>
internal static class PushPacing
{
    /// <param name="eventsPerSecond">Events that went out per second over the last window.</param>
    /// <param name="connections">Consoles this host writes to (event streams and hub connections).</param>
    public static TimeSpan Interval(AlarmsOptions options, double eventsPerSecond, int connections)
    {
        var quiet = options.PushInterval;
        if (quiet <= TimeSpan.Zero || eventsPerSecond <= options.BusyEventsPerSecond)
        {
            return quiet;
        }

        var busy = options.BusyPushInterval;
        if (options.BusyPushIntervalPerConnection > TimeSpan.Zero && connections > 0)
        {
            var spread = options.BusyPushIntervalPerConnection * connections;
            busy = spread > busy ? spread : busy;
        }

        if (busy > options.MaxPushInterval)
        {
            busy = options.MaxPushInterval;
        }

        return busy > quiet ? busy : quiet;
    }
}
