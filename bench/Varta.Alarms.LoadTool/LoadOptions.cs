using System.Globalization;

namespace Varta.Alarms.LoadTool;

/// <summary>What to run: sizes, rates and durations, all bounded.</summary>
internal sealed class LoadOptions
{
    public int Consoles { get; set; } = 1000;

    /// <summary>Signals (alarms) per second, open loop: sent on a fixed schedule whatever the answers.</summary>
    public double Rate { get; set; } = 100;

    /// <summary>Measured seconds of sending; the warm-up before it is not counted.</summary>
    public int Seconds { get; set; } = 30;

    public int WarmupSeconds { get; set; } = 45;

    /// <summary>After the last send, how long to wait for outstanding pushes before counting them as missing.</summary>
    public int DrainSeconds { get; set; } = 15;

    /// <summary>sqlite, postgres, both or none.</summary>
    public string Db { get; set; } = "both";

    public bool Mosquitto { get; set; } = true;

    /// <summary>Devices the signals are spread over (round robin), like buttons in many courtrooms.</summary>
    public int Devices { get; set; } = 10;

    /// <summary>Most POSTs (or MQTT publishes) waiting for an answer at once; beyond it the sender falls behind schedule.</summary>
    public int MaxInFlight { get; set; } = 512;

    /// <summary>The sender stops when it is this many seconds behind schedule (the server cannot keep up).</summary>
    public int MaxLagSeconds { get; set; } = 10;

    /// <summary>The consoles' hub protocol: json (what a browser's SignalR client speaks by default) or messagepack.</summary>
    public string Protocol { get; set; } = "json";

    /// <summary>
    /// official: each console is a .NET HubConnection. lean: each speaks the SignalR JSON protocol itself over a
    /// WebSocket on a plain socket (<see cref="LeanConsole"/>), receiving and parsing every frame at a fraction of the CPU.
    /// sse: each reads the host's event stream (<c>/api/v1/alarms/stream</c>) on a plain socket (<see cref="SseConsole"/>).
    /// </summary>
    public string Client { get; set; } = "official";

    /// <summary>Several kinds of console, comma-separated, each measured against a host of its own in the same run.</summary>
    public IReadOnlyList<string> Clients { get; set; } = ["official"];

    /// <summary>These options for one kind of console.</summary>
    public LoadOptions ForClient(string client)
    {
        var copy = (LoadOptions)MemberwiseClone();
        copy.Client = client;
        return copy;
    }

    /// <summary>Consoles connecting at the same time.</summary>
    public int ConnectParallelism { get; set; } = 50;

    /// <summary>
    /// Bytes of each MQTT message: about one AlarmEvent frame as Varta pushes it (≈ 680 bytes of JSON for the event
    /// with its nulls left out, plus the SignalR envelope; lean consoles measured 715 bytes per event, batches included).
    /// </summary>
    public int MqttPayloadBytes { get; set; } = 730;

    /// <summary>The MQTT subscribers: lean (MQTT 3.1.1 on a plain socket) or full (an MQTTnet client each).</summary>
    public string MqttClient { get; set; } = "lean";

    /// <summary>An existing PostgreSQL server (the tool creates a fresh database on it through the host); otherwise a throwaway cluster.</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>Throwaway cluster: fsync on (durable, like production) unless --pg-fast.</summary>
    public bool PostgresFast { get; set; }

    public string? HostDll { get; set; }

    /// <summary>Extra environment for the host (KEY=VALUE), e.g. DOTNET_gcServer=1 to try the server GC.</summary>
    public List<string> HostEnv { get; } = [];

    /// <summary>Signals sent before the schedule starts (16 at a time, not measured): JIT and connection pools warm.</summary>
    public int Prime { get; set; } = 200;

    /// <summary>
    /// Keep the host's 60 s escalation of unacknowledged alarms. Off by default: nobody acknowledges the benchmark's
    /// alarms, so after a minute each would be pushed again as "escalated", mixing a second fan-out into the measurement.
    /// </summary>
    public bool Escalate { get; set; }

    public string? JsonOut { get; set; }

    public string? MarkdownOut { get; set; }

    /// <summary>Hard cap on the whole run, whatever happens.</summary>
    public int TimeoutMinutes { get; set; } = 30;

    public bool Quick { get; set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        if (args.Contains("--quick"))
        {
            // Quick defaults first, so that any other option given overrides them wherever it stands.
            o.Quick = true;
            o.Consoles = 100;
            o.Rate = 20;
            o.Seconds = 5;
            o.WarmupSeconds = 2;
            o.DrainSeconds = 5;
            o.Prime = 100;
            o.Db = "sqlite";
            o.TimeoutMinutes = 5;
        }

        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{a} needs a value");
            int NextInt(int min, int max)
            {
                var v = int.Parse(Next(), CultureInfo.InvariantCulture);
                return v < min || v > max ? throw new ArgumentException($"{a} must be in {min}..{max}") : v;
            }

            switch (a)
            {
                case "--quick": break;
                case "--consoles": o.Consoles = NextInt(1, 20_000); break;
                case "--rate":
                    o.Rate = double.Parse(Next(), CultureInfo.InvariantCulture);
                    if (o.Rate is <= 0 or > 10_000)
                    {
                        throw new ArgumentException("--rate must be in (0, 10000]");
                    }

                    break;
                case "--seconds": o.Seconds = NextInt(1, 3600); break;
                case "--warmup": o.WarmupSeconds = NextInt(0, 600); break;
                case "--drain": o.DrainSeconds = NextInt(1, 600); break;
                case "--db":
                    o.Db = Next().ToLowerInvariant();
                    if (o.Db is not ("sqlite" or "postgres" or "both" or "none"))
                    {
                        throw new ArgumentException("--db is sqlite, postgres, both or none");
                    }

                    break;
                case "--no-mosquitto": o.Mosquitto = false; break;
                case "--client":
                    o.Clients = Next().ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (o.Clients.Count == 0 || o.Clients.Any(c => c is not ("official" or "lean" or "sse")))
                    {
                        throw new ArgumentException("--client is official, lean or sse, or several of them comma-separated");
                    }

                    o.Client = o.Clients[0];

                    break;
                case "--protocol":
                    o.Protocol = Next().ToLowerInvariant();
                    if (o.Protocol is not ("json" or "messagepack"))
                    {
                        throw new ArgumentException("--protocol is json or messagepack");
                    }

                    break;
                case "--devices": o.Devices = NextInt(1, 1000); break;
                case "--max-in-flight": o.MaxInFlight = NextInt(1, 100_000); break;
                case "--max-lag": o.MaxLagSeconds = NextInt(1, 3600); break;
                case "--connect-parallelism": o.ConnectParallelism = NextInt(1, 1000); break;
                case "--mqtt-payload": o.MqttPayloadBytes = NextInt(8, 1_000_000); break;
                case "--mqtt-client":
                    o.MqttClient = Next().ToLowerInvariant();
                    if (o.MqttClient is not ("lean" or "full"))
                    {
                        throw new ArgumentException("--mqtt-client is lean or full");
                    }

                    break;
                case "--pg": o.PostgresConnection = Next(); break;
                case "--pg-fast": o.PostgresFast = true; break;
                case "--host-dll": o.HostDll = Next(); break;
                case "--host-env":
                    var kv = Next();
                    o.HostEnv.Add(kv.Contains('=') ? kv : throw new ArgumentException("--host-env takes KEY=VALUE"));
                    break;
                case "--prime": o.Prime = NextInt(0, 100_000); break;
                case "--escalate": o.Escalate = true; break;
                case "--json": o.JsonOut = Next(); break;
                case "--markdown": o.MarkdownOut = Next(); break;
                case "--timeout-minutes": o.TimeoutMinutes = NextInt(1, 240); break;
                case "-h" or "--help":
                    throw new HelpRequestedException();
                default:
                    throw new ArgumentException($"unknown option {a}");
            }
        }

        return o;
    }

    public IEnumerable<string> Databases => Db switch
    {
        "both" => ["sqlite", "postgres"],
        "none" => [],
        _ => [Db],
    };

    public const string Usage = """
        Varta alarm fan-out load tool: N SignalR consoles, R signals/s, latency signal sent -> shown on every console,
        on SQLite and PostgreSQL, and the same fan-out through mosquitto (MQTT QoS 1) as the reference. Loopback only.

          --consoles N            consoles (SignalR connections; MQTT subscribers)      [1000]
          --rate R                signals per second, open loop                         [100]
          --seconds S             measured seconds                                      [30]
          --prime P               signals sent 16 at a time before the schedule starts  [200]
                                  (not counted: the host's JIT and pools warm up)
          --warmup W              seconds of the schedule before measuring (not counted) [45]
          --drain D               seconds to wait for late pushes after the last send   [15]
          --db sqlite|postgres|both|none                                                [both]
          --no-mosquitto          skip the MQTT reference
          --protocol json|messagepack   the consoles' SignalR hub protocol                  [json]
          --client official|lean|sse[,…]  official: .NET HubConnection per console; lean: the JSON hub [official]
                                  protocol spoken over a plain WebSocket (every frame received and
                                  parsed, less client CPU on a machine shared with the host); sse:
                                  the host's event stream read on a plain socket
          --devices K             devices the signals are spread over                   [10]
          --max-in-flight M       most unanswered sends at once                         [512]
          --max-lag L             stop sending when this many seconds behind schedule   [10]
                                  (the server cannot keep up; the achieved rate is reported)
          --mqtt-payload B        MQTT message size in bytes (about a Varta push)       [730]
          --mqtt-client lean|full MQTT subscribers: MQTT 3.1.1 on a plain socket, or an MQTTnet   [lean]
                                  client each (which saturates the tool at 1,000)
          --pg CONNSTRING         use this PostgreSQL server (a fresh database is created on it)
                                  instead of a throwaway cluster (needs root and postgresql from apt)
          --pg-fast               throwaway cluster with fsync=off, synchronous_commit=off (like CI); default is durable
          --host-dll PATH         Varta.Host.dll [src/Varta.Host/bin/Release/net10.0/Varta.Host.dll]
          --host-env KEY=VALUE    extra environment for the host (repeatable), e.g. DOTNET_gcServer=1
          --escalate              keep the host's 60 s escalation (default: Alarms__AcknowledgeWithin=1 h, so
                                  unacknowledged benchmark alarms are not pushed a second time as "escalated")
          --json PATH             write all figures as JSON
          --markdown PATH         write the result table as Markdown
          --timeout-minutes T     hard cap on the whole run                             [30]
          --quick                 100 consoles, 20/s, 5 s (+2 s warm-up, 100 primed), SQLite + mosquitto;
                                  other options given override these
        """;
}

internal sealed class HelpRequestedException : Exception;
