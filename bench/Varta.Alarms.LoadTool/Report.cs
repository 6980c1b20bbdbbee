using System.Globalization;
using System.Text;

namespace Varta.Alarms.LoadTool;

/// <summary>The result as Markdown: machine, table per scenario, ratios to mosquitto, targets.</summary>
internal static class Report
{
    private const double TargetP99Ms = 50;
    private const double TargetRssMb = 400;
    private const int TargetConsoles = 1000;
    private const double TargetRate = 100;

    /// <summary>The MQTT reference, whichever its subscribers: "mosquitto" or "mosquitto (lean subscribers)".</summary>
    private static bool IsMosquitto(ScenarioResult r) => r.Name.StartsWith("mosquitto", StringComparison.Ordinal);

    /// <summary>The GC the host's build asks for (Varta.Host.runtimeconfig.json); DOTNET_gcServer in --host-env overrides it.</summary>
    private static string HostGc(LoadOptions o)
    {
        try
        {
            var config = Path.ChangeExtension(VartaHost.FindHostDll(o.HostDll), ".runtimeconfig.json");
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
            var server = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
                && properties.TryGetProperty("System.GC.Server", out var value) && value.GetBoolean();
            return server ? "server GC (runtimeconfig)" : "workstation GC (runtimeconfig)";
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "GC not known (no runtimeconfig)";
        }
    }

    public static string Markdown(LoadOptions o, MachineInfo m, string command, IReadOnlyList<ScenarioResult> results, IReadOnlyList<string> notes)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"Run {m.StartedUtc}: {o.Consoles} consoles, {F(o.Rate)} signals/s, {o.Seconds} s measured after {o.WarmupSeconds} s warm-up, {o.Devices} devices, at most {o.MaxInFlight} sends in flight.");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine(command);
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine(inv, $"Machine: {m.Cores} cores (nproc), {m.CpuModel}, {m.MemTotal} RAM; {m.Kernel}; {m.Runtime}. Load average (1/5/15 min) {m.LoadAverageStart} at the start, {m.LoadAverageEnd} at the end.");
        s.AppendLine(inv, $"Host: Release build, ASPNETCORE_ENVIRONMENT=Testing, demo seed, per-device rate limit 100000/s, {(o.Escalate ? "escalation after 60 s (default)" : "escalation after 1 h (Alarms__AcknowledgeWithin; the benchmark's alarms are never acknowledged)")}{(o.HostEnv.Count > 0 ? ", " + string.Join(", ", o.HostEnv) : "")}; {HostGc(o)} unless the environment above says otherwise.");
        if (m.Sqlite is not null)
        {
            s.AppendLine(inv, $"SQLite: {m.Sqlite}.");
        }

        if (m.Postgres is not null)
        {
            s.AppendLine(inv, $"PostgreSQL: {m.Postgres}.");
        }

        if (m.Mosquitto is not null)
        {
            s.AppendLine(inv, $"Reference: {m.Mosquitto}, QoS 1 both ways, {o.MqttPayloadBytes}-byte messages, {(o.MqttClient == "lean" ? "lean MQTT 3.1.1 subscribers on plain sockets, an MQTTnet 5 publisher" : "MQTTnet 5 clients")}.");
        }

        s.AppendLine();
        s.AppendLine("| Scenario | Consoles | Sent/s achieved | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | all consoles p99 ms | ack p99 ms | Deliveries | Server peak RSS MB | Server CPU cores | Tool CPU cores |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            if (r.Error is not null)
            {
                s.AppendLine(inv, $"| {r.Name} | failed: {r.Error.Replace('|', '/').Replace('\n', ' ')} | | | | | | | | | | {F(r.ServerPeakRssMb)} | | |");
                continue;
            }

            var d = r.Delivery!;
            var rateText = $"{F(r.AchievedRate)} of {F(r.TargetRate)}{(r.GaveUp ? $" (gave up after {r.Issued:N0} of {r.Scheduled:N0})" : "")}";
            s.AppendLine(inv, $"| {r.Name} | {r.ConsolesConnected}{(r.ConsolesLost > 0 ? $" ({r.ConsolesLost} lost)" : "")} | {rateText} | {F(d.P50)} | {F(d.P90)} | {F(d.P99)} | {F(d.P999)} | {F(d.Max)} | {F(r.AllConsoles!.P99)} | {F(r.Ack!.P99)} | {r.DeliveriesReceived:N0} / {r.DeliveriesExpected:N0} | {F(r.ServerPeakRssMb)} | {F(r.ServerCpuCores, 2)} | {F(r.ToolCpuCores, 2)} |");
        }

        foreach (var r in results.Where(r => r.Error is null && r.GaveUp))
        {
            s.AppendLine();
            s.AppendLine(r.Issued == 0
                ? string.Create(inv, $"{r.Name}: the server fell more than {r.MaxLagSeconds:N0} s behind the {F(r.TargetRate)}/s schedule during the warm-up, so nothing was measured; it was saturated, and its throughput is the rate it answered at from the first send.")
                : string.Create(inv, $"{r.Name}: the server fell more than {r.MaxLagSeconds:N0} s behind the {F(r.TargetRate)}/s schedule, so sending stopped after {r.Issued:N0} of {r.Scheduled:N0} measured signals. It was saturated: its latencies are mostly time queued behind earlier signals, and its throughput is the achieved rate."));
        }

        s.AppendLine();
        s.AppendLine("Latency is from just before the signal's HTTP POST (or the MQTT PUBLISH) to the console's handler running for that alarm, per (alarm, console); \"all consoles\" is until the last console has it; \"ack\" is until the 202 (or PUBACK). Peak RSS is VmRSS of the host process (or mosquitto) sampled every 250 ms over the whole run, consoles connected.");

        foreach (var r in results.Where(r => r.Error is null))
        {
            if (r.OutOfOrder is { } outOfOrder)
            {
                s.AppendLine();
                s.AppendLine(inv, $"{r.Name}: {outOfOrder:N0} of {r.DeliveriesReceived:N0} pushes reached a console after a push with a higher Seq.");
            }

            if (r.Frames is { } frames)
            {
                s.AppendLine();
                s.AppendLine(inv, $"{r.Name}: consoles received {frames:N0} frames over the whole run (priming included); {r.BatchFrames:N0} of them carried several events ({r.BatchedEvents:N0} events, up to {r.LargestBatch:N0} in one).");
                if (r.BytesPerEvent is { } perEvent)
                {
                    s.AppendLine(inv, $"On the wire: {perEvent:F0} bytes of JSON per event, batches included.");
                }
            }

            if (r.Duplicates > 0)
            {
                s.AppendLine();
                s.AppendLine(inv, $"{r.Name}: {r.Duplicates:N0} duplicate deliveries.");
            }
        }

        var diagnosed = results.Where(r => r.Error is null && r.Delivery is not null).ToList();
        if (diagnosed.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Server resources (CPU in cores, 1.0 = one core busy; per signal = measured CPU / accepted rate):");
            s.AppendLine();
            s.AppendLine("| Scenario | RSS started MB | RSS consoles connected MB | RSS peak MB | CPU while sending | CPU ms per signal | CPU idle after the run (alarms open) |");
            s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in diagnosed)
            {
                s.AppendLine(inv, $"| {r.Name} | {F(r.ServerRssIdleMb)} | {F(r.ServerRssConsolesMb)} | {F(r.ServerPeakRssMb)} | {F(r.ServerCpuCores, 2)} | {F(r.AchievedRate > 0 ? r.ServerCpuCores / r.AchievedRate * 1000 : double.NaN, 2)} | {F(r.ServerIdleCpuAfterCores, 2)} |");
            }
        }

        var reference = results.FirstOrDefault(r => IsMosquitto(r) && r.Error is null && r.Delivery is { Count: > 0 });
        var varta = results.Where(r => !IsMosquitto(r) && r.Error is null && r.Delivery is { Count: > 0 }).ToList();
        var throughputReference = results.FirstOrDefault(r => IsMosquitto(r) && r.Error is null && r.AchievedRate > 0);
        if (throughputReference is not null && varta.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(inv, $"Throughput Varta / mosquitto at the same offered rate: {string.Join("; ", varta.Select(r => $"{r.Name} {F(r.AchievedRate / throughputReference.AchievedRate)}×"))} ({F(throughputReference.AchievedRate)}/s for mosquitto).");
        }

        if (reference is not null && varta.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Ratio Varta / mosquitto (same consoles, rate and machine):");
            s.AppendLine();
            s.AppendLine("| Scenario | p50 | p99 | max |");
            s.AppendLine("|---|---:|---:|---:|");
            foreach (var r in varta)
            {
                s.AppendLine(inv, $"| {r.Name} | {F(r.Delivery!.P50 / reference.Delivery!.P50)}× | {F(r.Delivery.P99 / reference.Delivery.P99)}× | {F(r.Delivery.Max / reference.Delivery.Max)}× |");
            }
        }

        if (varta.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(inv, $"Targets ({TargetConsoles:N0} consoles, {F(TargetRate)} alarms/s, p99 ≤ {F(TargetP99Ms)} ms, host ≤ {F(TargetRssMb)} MB){(o.Consoles < TargetConsoles || o.Rate < TargetRate ? "; this run asked for less than the target, so the check is for reference only" : "")}:");
            s.AppendLine();
            foreach (var r in varta)
            {
                var consoles = r.ConsolesConnected >= TargetConsoles && r.ConsolesLost == 0;
                var rate = r.AchievedRate >= TargetRate * 0.99;
                var p99 = r.Delivery!.P99 <= TargetP99Ms;
                var rss = r.ServerPeakRssMb <= TargetRssMb;
                var complete = r.DeliveriesReceived == r.DeliveriesExpected;
                s.AppendLine(inv, $"- {r.Name}: consoles {Mark(consoles)} ({r.ConsolesConnected}), rate {Mark(rate)} ({F(r.AchievedRate)}/s), p99 {Mark(p99)} ({F(r.Delivery.P99)} ms), memory {Mark(rss)} ({F(r.ServerPeakRssMb)} MB), every delivery arrived {Mark(complete)}{(r.Failures > 0 ? $"; {r.Failures} sends failed ({string.Join(", ", r.FailureKinds.Select(k => $"{k.Key} × {k.Value}"))})" : "")}.");
            }
        }

        foreach (var note in notes.Concat(results.Where(r => r.Notes is not null).Select(r => $"{r.Name}: {r.Notes}")))
        {
            s.AppendLine();
            s.AppendLine(note);
        }

        return s.ToString();
    }

    private static string Mark(bool ok) => ok ? "met" : "NOT met";

    private static string F(double v, int digits = 1) => double.IsNaN(v) ? "–" : v.ToString("N" + digits, CultureInfo.InvariantCulture);
}
