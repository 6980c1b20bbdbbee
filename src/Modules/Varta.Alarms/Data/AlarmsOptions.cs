namespace Varta.Alarms.Data;

internal sealed class AlarmsOptions
{
    /// <summary>An alarm not acknowledged within this escalates one level (site → region → national).</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often supervision and escalation are checked.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Default reporting time of a device (EN 50136 SP6: 20 s).</summary>
    public int DefaultHeartbeatSeconds { get; set; } = 20;

    /// <summary>Signals one device may send per second before it is slowed down (others are unaffected).</summary>
    public int SignalsPerSecondPerDevice { get; set; } = 20;

    /// <summary>Failed device authentications one client address may make per minute; beyond, 429 without a look-up.</summary>
    public int FailedAuthPerMinutePerAddress { get; set; } = 30;

    /// <summary>
    /// The web map a phone's position links to on a console card and a dispatch, with {lat} and {lon}. Opening it sends
    /// the position to that map's server: point it at the service's own map server where one exists.
    /// </summary>
    public string MapLink { get; set; } = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}";

    /// <summary>Starts the SIA DC-09 receiver for intrusion panels.</summary>
    public bool Dc09Enabled { get; set; }

    /// <summary>DC-09 receiver port; 0 picks a free one (tests read it from the service).</summary>
    public int Dc09Port { get; set; } = 12400;

    public string Dc09Address { get; set; } = "127.0.0.1";

    /// <summary>A plain DC-09 frame whose timestamp is further than this from the receiver's clock raises a "clock wrong" fault.</summary>
    public TimeSpan Dc09ClockSkewLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Pushes to consoles start at most this often. An event that finds the pushes idle goes out at once; while they
    /// are busy, what arrives within one interval shares one frame per console, so a burst costs the host and every
    /// console a fraction of the frames (and their system calls). Zero pushes every commit as soon as it can (and
    /// turns the busy pacing below off too).
    /// </summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The least interval while more than <see cref="BusyEventsPerSecond"/> events went out in the last second: longer,
    /// so that frames carry more events each. At 1,000 consoles and 100 alarms/s, 40 ms cost a fifth less host CPU per
    /// signal than 20 ms with the same p99; below that rate 20 ms keeps the latency lower (BENCHMARKS.md).
    /// </summary>
    public TimeSpan BusyPushInterval { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// While busy, each console connected adds this much to the interval, once that is longer than
    /// <see cref="BusyPushInterval"/> (60 µs: 40 ms up to 666 consoles, 60 ms at 1,000): the host then writes to consoles
    /// at most 1 / this times a second in all (one write per console per pass; 16,667 for 60 µs), however many there
    /// are (see <see cref="Feed.PushPacing"/>). Zero: the busy interval is <see cref="BusyPushInterval"/> alone.
    /// </summary>
    public TimeSpan BusyPushIntervalPerConnection { get; set; } = TimeSpan.FromMicroseconds(60);

    /// <summary>The longest interval between passes, however many consoles are connected.</summary>
    public TimeSpan MaxPushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events per second above which pushes are paced as busy (<see cref="BusyPushInterval"/>, <see cref="BusyPushIntervalPerConnection"/>).</summary>
    public int BusyEventsPerSecond { get; set; } = 50;

    /// <summary>An idle event stream gets a comment this often, so that proxies and clients keep it open.</summary>
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}

internal static class AlarmKinds
{
    public const string Duress = "duress";
    public const string Panic = "panic";
    public const string Intrusion = "intrusion";
    public const string Tamper = "tamper";
    public const string Fault = "fault";
    public const string Heartbeat = "heartbeat";
    public const string Test = "test";
    public const string Fire = "fire";
    public const string DeviceOffline = "device-offline";
    public const string Medical = "medical";
    public const string Environmental = "environmental";
    public const string ZoneAlarm = "zone-alarm";
    public const string Bypass = "bypass";

    /// <summary>A panel's event that calls nobody (an opening, a closing): stored as information, resolved at once.</summary>
    public const string PanelEvent = "panel-event";

    /// <summary>A code not known or data not read: a dispatcher must see what the panel said.</summary>
    public const string Unrecognised = "unrecognised";

    public static readonly string[] Signals =
        [Duress, Panic, Intrusion, Tamper, Fault, Heartbeat, Test, Fire, Medical, Environmental, ZoneAlarm, Bypass, PanelEvent, Unrecognised];

    /// <summary>Kinds stored already resolved: counted and shown in history, calling nobody.</summary>
    public static bool ClosesItself(string kind) => kind is Test or PanelEvent;

    public static int Priority(string kind) => kind switch
    {
        Duress or Panic or Fire or Medical => 1,
        Intrusion or Environmental or ZoneAlarm => 2,
        Tamper or Unrecognised => 3,
        Fault or DeviceOffline or Bypass => 4,
        _ => 5,
    };
}

internal static class DeviceKinds
{
    public static readonly string[] All = ["fixed-button", "courtroom-button", "phone", "intrusion-panel"];
}
