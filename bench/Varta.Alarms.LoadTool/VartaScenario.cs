using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Varta.Alarms.LoadTool;

/// <summary>What the load tool reads of an AlarmEvent push; the rest of the frame is skipped by the parser.</summary>
public sealed record ConsoleEvent(long Seq, Guid? AlarmId, string? Kind);

/// <summary>
/// Pushes that arrive after one with a higher Seq, at one console. A console that resumes "from the last Seq it saw"
/// would skip the lower one if it reconnected in between. SignalR calls one connection's handlers one at a time.
/// </summary>
internal sealed class SeqOrder
{
    private long _last;

    public long Inversions { get; private set; }

    public void See(long seq)
    {
        if (seq < _last)
        {
            Inversions++;
        }
        else
        {
            _last = seq;
        }
    }
}

/// <summary>How the pushes reached one console: frames (AlarmEvent or AlarmEvents invocations) and how many carried several events.</summary>
internal sealed class Frames
{
    public long Count { get; private set; }

    public long Batches { get; private set; }

    public long BatchedEvents { get; private set; }

    public int Largest { get; private set; }

    /// <summary>Events and their bytes on the wire (the JSON invocation records), as counted by lean consoles.</summary>
    public long Events { get; private set; }

    public long Bytes { get; private set; }

    public void See(int events, int bytes)
    {
        Events += events;
        Bytes += bytes;
        See(events);
    }

    public void See(int events)
    {
        Count++;
        if (events > 1)
        {
            Batches++;
            BatchedEvents += events;
        }

        Largest = Math.Max(Largest, events);
    }
}

/// <summary>
/// N consoles (one HubConnection each, WebSockets, the demo dispatcher's token) watching the demo court; signals
/// POSTed by fixed buttons in that court on an open-loop schedule; latency from just before each POST to each
/// console receiving the "raised" event of that alarm.
/// </summary>
internal static class VartaScenario
{
    public static async Task<ScenarioResult> RunAsync(LoadOptions o, string name, VartaHost host, CancellationToken ct)
    {
        var result = new ScenarioResult { Name = name, TargetRate = o.Rate };
        var toolCpu0 = ProcessSampler.ReadCpuSeconds(Environment.ProcessId);
        result.ServerRssIdleMb = host.Sampler.CurrentRssBytes / 1048576.0;

        var admin = await host.TokenAsync("admin", ct);
        var dispatcher = await host.TokenAsync("dispatcher", ct);
        var secrets = new string[o.Devices];
        for (var d = 0; d < o.Devices; d++)
        {
            secrets[d] = await host.CreateDeviceAsync(admin, $"Навантаження {d + 1}", ct);
        }

        var warmup = (int)Math.Round(o.WarmupSeconds * o.Rate);
        var log = new SendLog(warmup + (int)Math.Round(o.Seconds * o.Rate), warmup);
        var consoles = new List<HubConnection>(o.Consoles);
        var leanConsoles = new LeanConsole?[o.Consoles];
        var sseConsoles = new SseConsole?[o.Consoles];
        var leanLoops = new List<Task>();
        using var leanStop = new CancellationTokenSource();
        Task? pinger = null;
        var arrivals = new List<Arrivals<Guid>>(o.Consoles);
        var orders = new List<SeqOrder>(o.Consoles);
        var frames = new List<Frames>(o.Consoles);
        var lost = 0;
        var delivered = 0L;
        try
        {
            // Consoles first, all connected before the first signal.
            Logger.Log($"{name}: host pid {host.Pid}; connecting {o.Consoles} consoles");
            var connectStart = Stopwatch.GetTimestamp();
            using (var gate = new SemaphoreSlim(o.ConnectParallelism))
            {
                var connects = new List<Task>();
                for (var c = 0; c < o.Consoles; c++)
                {
                    var recorder = new Arrivals<Guid>(log.Total + o.Prime + 64);
                    var order = new SeqOrder();
                    var frame = new Frames();
                    arrivals.Add(recorder);
                    orders.Add(order);
                    frames.Add(frame);

                    // One event, or several that were waiting together (same arrival time for each).
                    void Receive(ConsoleEvent e, long now)
                    {
                        order.See(e.Seq);
                        if (e.Kind == "raised" && e.AlarmId is { } id)
                        {
                            recorder.Add(id, now);
                            Interlocked.Increment(ref delivered);
                        }
                    }

                    if (o.Client == "sse")
                    {
                        var slot = c;
                        await gate.WaitAsync(ct);
                        connects.Add(Task.Run(async () =>
                        {
                            try
                            {
                                var sse = await SseConsole.ConnectAsync(host.BaseUri, "/api/v1/alarms/stream", dispatcher, ct);
                                sseConsoles[slot] = sse;
                                var loop = Task.Run(async () =>
                                {
                                    await sse.ReceiveAsync(Receive, frame.See, leanStop.Token);
                                    if (!leanStop.IsCancellationRequested)
                                    {
                                        Interlocked.Increment(ref lost);
                                    }
                                }, CancellationToken.None);
                                lock (leanLoops)
                                {
                                    leanLoops.Add(loop);
                                }
                            }
                            finally
                            {
                                gate.Release();
                            }
                        }, ct));
                        continue;
                    }

                    if (o.Client == "lean")
                    {
                        var slot = c;
                        await gate.WaitAsync(ct);
                        connects.Add(Task.Run(async () =>
                        {
                            try
                            {
                                var lean = await LeanConsole.ConnectAsync(host.BaseUri, "/hubs/alarms", dispatcher, ct);
                                leanConsoles[slot] = lean;
                                var loop = Task.Run(async () =>
                                {
                                    await lean.ReceiveAsync(Receive, frame.See, leanStop.Token);
                                    if (!leanStop.IsCancellationRequested)
                                    {
                                        Interlocked.Increment(ref lost);
                                    }
                                }, CancellationToken.None);
                                lock (leanLoops)
                                {
                                    leanLoops.Add(loop);
                                }
                            }
                            finally
                            {
                                gate.Release();
                            }
                        }, ct));
                        continue;
                    }

                    var builder = new HubConnectionBuilder()
                        .WithUrl(new Uri(host.BaseUri, "/hubs/alarms"), HttpTransportType.WebSockets, h =>
                        {
                            h.SkipNegotiation = true;
                            h.AccessTokenProvider = () => Task.FromResult<string?>(dispatcher);
                        })
                        .WithServerTimeout(TimeSpan.FromSeconds(120));
                    if (o.Protocol == "messagepack")
                    {
                        builder.AddMessagePackProtocol();
                    }

                    var connection = builder.Build();

                    connection.On<ConsoleEvent>("AlarmEvent", e =>
                    {
                        Receive(e, Stopwatch.GetTimestamp());
                        frame.See(1);
                    });
                    connection.On<ConsoleEvent[]>("AlarmEvents", events =>
                    {
                        var now = Stopwatch.GetTimestamp();
                        frame.See(events.Length);
                        foreach (var e in events)
                        {
                            Receive(e, now);
                        }
                    });
                    connection.Closed += _ =>
                    {
                        Interlocked.Increment(ref lost);
                        return Task.CompletedTask;
                    };
                    consoles.Add(connection);
                    await gate.WaitAsync(ct);
                    connects.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await connection.StartAsync(ct);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }, ct));
                }

                await Task.WhenAll(connects);
            }

            result.ConnectSeconds = Stopwatch.GetElapsedTime(connectStart).TotalSeconds;
            result.ConsolesConnected = o.Client switch
            {
                "lean" => leanConsoles.Count(c => c is { Closed: false }),
                "sse" => sseConsoles.Count(c => c is { Closed: false }),
                _ => consoles.Count(c => c.State == HubConnectionState.Connected),
            };
            if (o.Client == "lean")
            {
                // The server drops a client that has sent nothing for 30 s.
                pinger = Task.Run(async () =>
                {
                    try
                    {
                        while (true)
                        {
                            await Task.Delay(LeanConsole.PingInterval, leanStop.Token);
                            foreach (var lean in leanConsoles)
                            {
                                if (lean is not null)
                                {
                                    await lean.PingAsync(leanStop.Token);
                                }
                            }
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
                    {
                    }
                }, CancellationToken.None);
            }

            await Task.Delay(1000, ct); // let the server finish adding connections to the court's group
            result.ServerRssConsolesMb = host.Sampler.CurrentRssBytes / 1048576.0;
            Logger.Log($"{name}: {result.ConsolesConnected} consoles connected in {result.ConnectSeconds:F1} s; host RSS {result.ServerRssConsolesMb:F0} MB");

            // The sender: its own connection pool, like devices each with their own connection.
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = Math.Min(o.MaxInFlight, 256),
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            })
            { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var signals = new Uri("/api/v1/alarms/signals", UriKind.Relative);
            var alarmIds = new Guid[log.Total];
            var runId = Guid.NewGuid().ToString("N")[..8];

            // One signal: the send time is taken just before the request goes out, the answer time when the status arrives.
            async Task<(HttpStatusCode Status, Guid AlarmId, long Sent, long Answered)> PostAsync(string key, string secret)
            {
                var body = Encoding.UTF8.GetBytes($$"""{"kind":"panic","idempotencyKey":"{{key}}"}""");
                using var request = new HttpRequestMessage(HttpMethod.Post, signals) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, ct);
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    return (response.StatusCode, Guid.Empty, sent, answered);
                }

                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                return (response.StatusCode, json.RootElement.GetProperty("alarmId").GetGuid(), sent, answered);
            }

            async Task SendOneAsync(int i)
            {
                var (status, alarmId, sent, answered) = await PostAsync($"load-{runId}-{i}", secrets[i % secrets.Length]);
                log.Sent[i] = sent;
                if (status != HttpStatusCode.Accepted)
                {
                    log.Fail($"HTTP {(int)status}");
                    return;
                }

                alarmIds[i] = alarmId;
                log.Answered[i] = answered;
                log.Ok[i] = true;
            }

            if (o.Prime > 0)
            {
                // Not measured: the host's first requests run unoptimised code (tiered JIT) and open its pools.
                Logger.Log($"{name}: priming with {o.Prime} signals, 16 at a time");
                var next = -1;
                var primed = 0;
                await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < o.Prime)
                    {
                        if ((await PostAsync($"prime-{runId}-{i}", secrets[i % secrets.Length])).Status == HttpStatusCode.Accepted)
                        {
                            Interlocked.Increment(ref primed);
                        }
                    }
                }, ct)));
                var primeUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
                while (Interlocked.Read(ref delivered) < (long)primed * result.ConsolesConnected && Stopwatch.GetTimestamp() < primeUntil)
                {
                    await Task.Delay(100, ct);
                }

                Logger.Log($"{name}: primed; {Interlocked.Read(ref delivered)} of {(long)primed * result.ConsolesConnected} priming pushes arrived");
                Interlocked.Exchange(ref delivered, 0);
            }

            // The host with consoles connected and nothing to do, warmed up.
            var before0 = host.Sampler.CpuSeconds();
            await Task.Delay(3000, ct);
            result.ServerIdleCpuBeforeCores = before0 is { } b0 && host.Sampler.CpuSeconds() is { } b1 ? (b1 - b0) / 3 : double.NaN;

            var cpu0 = host.Sampler.CpuSeconds();
            var t0 = Stopwatch.GetTimestamp();
            var measuring = false;
            var nextReport = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
            Logger.Log($"{name}: sending {log.Total} signals at {o.Rate}/s ({warmup} warm-up)");
            await Pacer.RunAsync(log, o.Rate, o.MaxInFlight, TimeSpan.FromSeconds(o.MaxLagSeconds), SendOneAsync, i =>
            {
                if (i == warmup && !measuring)
                {
                    measuring = true;
                    host.Sampler.StartWindow();
                    cpu0 = host.Sampler.CpuSeconds();
                    toolCpu0 = ProcessSampler.ReadCpuSeconds(Environment.ProcessId);
                    t0 = Stopwatch.GetTimestamp();
                }

                if (Stopwatch.GetTimestamp() > nextReport)
                {
                    nextReport += Stopwatch.Frequency * 5;
                    Logger.Log($"{name}: {i + 1}/{log.Total} sent, {log.Ok.Count(x => x)} accepted, {log.Failures} failed, {Interlocked.Read(ref delivered)} deliveries, host RSS {host.Sampler.CurrentRssBytes / 1048576.0:F0} MB, consoles lost {Volatile.Read(ref lost)}");
                }
            }, ct);

            // Wait for the pushes still on their way, bounded by --drain.
            var accepted = log.Ok.Count(x => x);
            var expected = (long)accepted * result.ConsolesConnected;
            var drainUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * o.DrainSeconds;
            while (Interlocked.Read(ref delivered) < expected && Stopwatch.GetTimestamp() < drainUntil)
            {
                await Task.Delay(100, ct);
            }

            var cpu1 = host.Sampler.CpuSeconds();
            var toolCpu1 = ProcessSampler.ReadCpuSeconds(Environment.ProcessId);
            var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            host.Sampler.EndWindow();
            result.ServerCpuCores = cpu0 is { } a && cpu1 is { } b ? (b - a) / elapsed : double.NaN;
            result.ToolCpuCores = toolCpu0 is { } ta && toolCpu1 is { } tb ? (tb - ta) / elapsed : double.NaN;
            result.ServerPeakRssMeasuredMb = host.Sampler.WindowPeakRssBytes / 1048576.0;
            result.ServerPeakRssMb = host.Sampler.PeakRssBytes / 1048576.0;
            result.ConsolesLost = Volatile.Read(ref lost);

            // The host with nothing to do but its background work (supervision and escalation scans) over every alarm still open.
            var idle0 = host.Sampler.CpuSeconds();
            await Task.Delay(5000, ct);
            result.ServerIdleCpuAfterCores = idle0 is { } i0 && host.Sampler.CpuSeconds() is { } i1 ? (i1 - i0) / 5 : double.NaN;
            result.OutOfOrder = orders.Sum(x => x.Inversions);
            result.Frames = frames.Sum(x => x.Count);
            result.BatchFrames = frames.Sum(x => x.Batches);
            result.BatchedEvents = frames.Sum(x => x.BatchedEvents);
            result.LargestBatch = frames.Select(x => x.Largest).DefaultIfEmpty(0).Max();
            result.BytesPerEvent = frames.Sum(x => x.Events) is > 0 and var counted ? frames.Sum(x => x.Bytes) / (double)counted : null;

            var index = new Dictionary<Guid, int>(log.Total);
            for (var i = 0; i < log.Total; i++)
            {
                if (log.Ok[i])
                {
                    index[alarmIds[i]] = i;
                }
            }

            result.MaxLagSeconds = o.MaxLagSeconds;
            Analysis.Join(result, log, arrivals, id => index.TryGetValue(id, out var i) ? i : -1);
            if (arrivals.Sum(x => x.Overflow) is var overflow and > 0)
            {
                result.Notes = $"{overflow} arrivals beyond the recorder's capacity were not timed";
            }

            Logger.Log($"{name}: done; {result.DeliveriesReceived}/{result.DeliveriesExpected} measured deliveries, p50 {result.Delivery?.P50:F1} ms, p99 {result.Delivery?.P99:F1} ms, max {result.Delivery?.Max:F1} ms");
            return result;
        }
        finally
        {
            await leanStop.CancelAsync();
            if (pinger is not null)
            {
                await pinger;
            }

            foreach (var sse in sseConsoles)
            {
                if (sse is not null)
                {
                    await sse.DisposeAsync();
                }
            }

            await Task.WhenAll(leanLoops);
            foreach (var lean in leanConsoles)
            {
                if (lean is not null)
                {
                    await lean.DisposeAsync();
                }
            }

            await Parallel.ForEachAsync(consoles, new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (c, _) =>
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await c.StopAsync(stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
                {
                }

                await c.DisposeAsync();
            });
        }
    }
}
