using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// The reference: the same fan-out through mosquitto. N subscribers (lean ones on plain sockets,
/// <see cref="LeanMqttSubscriber"/>, or with <c>--mqtt-client full</c> MQTTnet clients) on one topic at QoS 1, one
/// publisher at QoS 1 on the same open-loop schedule; latency from just before each PUBLISH to each subscriber
/// receiving it. The payload carries the send index in its first 8 bytes and is padded to --mqtt-payload bytes.
/// </summary>
internal static class MqttScenario
{
    private const string Topic = "varta/load/alarms";

    public static async Task<ScenarioResult> RunAsync(LoadOptions o, MosquittoBroker broker, CancellationToken ct)
    {
        var result = new ScenarioResult { Name = o.MqttClient == "lean" ? "mosquitto (lean subscribers)" : "mosquitto", TargetRate = o.Rate };
        result.ServerRssIdleMb = broker.Sampler.CurrentRssBytes / 1048576.0;
        var factory = new MqttClientFactory();
        var warmup = (int)Math.Round(o.WarmupSeconds * o.Rate);
        var log = new SendLog(warmup + (int)Math.Round(o.Seconds * o.Rate), warmup);
        var subscribers = new List<IMqttClient>(o.Consoles);
        var arrivals = new List<Arrivals<int>>(o.Consoles);
        var lost = 0;
        var delivered = 0L;
        var runId = Guid.NewGuid().ToString("N")[..8];
        MqttClientOptions Options(string id) => new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId(id)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();

        using var publisher = factory.CreateMqttClient();
        var lean = new LeanMqttSubscriber?[o.Consoles];
        var leanLoops = new List<Task>();
        using var leanStop = new CancellationTokenSource();
        Task? pinger = null;
        try
        {
            Logger.Log($"mosquitto: connecting {o.Consoles} subscribers ({o.MqttClient})");
            var connectStart = Stopwatch.GetTimestamp();
            using (var gate = new SemaphoreSlim(o.ConnectParallelism))
            {
                var connects = new List<Task>();
                for (var c = 0; c < o.Consoles; c++)
                {
                    var recorder = new Arrivals<int>(log.Total + o.Prime + 64);
                    if (o.MqttClient == "lean")
                    {
                        arrivals.Add(recorder);
                        var slot = c;
                        var leanId = $"console-{runId}-{c}";
                        await gate.WaitAsync(ct);
                        connects.Add(Task.Run(async () =>
                        {
                            try
                            {
                                var subscriber = await LeanMqttSubscriber.ConnectAsync(broker.Port, leanId, Topic, ct);
                                lean[slot] = subscriber;
                                var loop = Task.Run(async () =>
                                {
                                    await subscriber.ReceiveAsync((index, now) =>
                                    {
                                        recorder.Add((int)index, now);
                                        Interlocked.Increment(ref delivered);
                                    }, leanStop.Token);
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

                    var client = factory.CreateMqttClient();
                    client.ApplicationMessageReceivedAsync += e =>
                    {
                        var now = Stopwatch.GetTimestamp();
                        var payload = e.ApplicationMessage.Payload;
                        Span<byte> head = stackalloc byte[8];
                        payload.Slice(0, 8).CopyTo(head);
                        recorder.Add((int)BinaryPrimitives.ReadInt64LittleEndian(head), now);
                        Interlocked.Increment(ref delivered);
                        return Task.CompletedTask;
                    };
                    client.DisconnectedAsync += e =>
                    {
                        if (e.ClientWasConnected)
                        {
                            Interlocked.Increment(ref lost);
                        }

                        return Task.CompletedTask;
                    };
                    subscribers.Add(client);
                    arrivals.Add(recorder);
                    var id = $"console-{runId}-{c}";
                    await gate.WaitAsync(ct);
                    connects.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await client.ConnectAsync(Options(id), ct);
                            await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
                                .WithTopicFilter(f => f.WithTopic(Topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), ct);
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
            result.ConsolesConnected = o.MqttClient == "lean" ? lean.Count(s => s is { Closed: false }) : subscribers.Count(s => s.IsConnected);
            if (o.MqttClient == "lean")
            {
                // Keep-alive is 60 s: a PINGREQ from each subscriber every 30 s.
                pinger = Task.Run(async () =>
                {
                    try
                    {
                        while (true)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(30), leanStop.Token);
                            foreach (var s in lean)
                            {
                                if (s is not null)
                                {
                                    await s.PingAsync(leanStop.Token);
                                }
                            }
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Sockets.SocketException)
                    {
                    }
                }, CancellationToken.None);
            }

            await publisher.ConnectAsync(Options($"sender-{runId}"), ct);
            await Task.Delay(1000, ct);
            result.ServerRssConsolesMb = broker.Sampler.CurrentRssBytes / 1048576.0;
            Logger.Log($"mosquitto: {result.ConsolesConnected} subscribers connected in {result.ConnectSeconds:F1} s; broker RSS {result.ServerRssConsolesMb:F1} MB");

            MqttApplicationMessage Message(long i)
            {
                var payload = new byte[o.MqttPayloadBytes];
                BinaryPrimitives.WriteInt64LittleEndian(payload, i);
                payload.AsSpan(8).Fill((byte)'x');
                return new MqttApplicationMessageBuilder().WithTopic(Topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            }

            if (o.Prime > 0)
            {
                // Same priming as for Varta (negative indexes, never measured).
                for (var p = 0; p < o.Prime; p++)
                {
                    await publisher.PublishAsync(Message(-1 - p), ct);
                }

                var primeUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
                while (Interlocked.Read(ref delivered) < (long)o.Prime * result.ConsolesConnected && Stopwatch.GetTimestamp() < primeUntil)
                {
                    await Task.Delay(100, ct);
                }

                Interlocked.Exchange(ref delivered, 0);
            }

            async Task SendOneAsync(int i)
            {
                var message = Message(i);
                log.Sent[i] = Stopwatch.GetTimestamp();
                var answer = await publisher.PublishAsync(message, ct);
                var answered = Stopwatch.GetTimestamp();
                if (!answer.IsSuccess)
                {
                    log.Fail($"PUBACK {answer.ReasonCode}");
                    return;
                }

                log.Answered[i] = answered;
                log.Ok[i] = true;
            }

            double? cpu0 = null, toolCpu0 = null;
            var t0 = Stopwatch.GetTimestamp();
            var nextReport = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
            Logger.Log($"mosquitto: publishing {log.Total} messages at {o.Rate}/s ({warmup} warm-up)");
            await Pacer.RunAsync(log, o.Rate, o.MaxInFlight, TimeSpan.FromSeconds(o.MaxLagSeconds), SendOneAsync, i =>
            {
                if (i == warmup)
                {
                    broker.Sampler.StartWindow();
                    cpu0 = broker.Sampler.CpuSeconds();
                    toolCpu0 = ProcessSampler.ReadCpuSeconds(Environment.ProcessId);
                    t0 = Stopwatch.GetTimestamp();
                }

                if (Stopwatch.GetTimestamp() > nextReport)
                {
                    nextReport += Stopwatch.Frequency * 5;
                    Logger.Log($"mosquitto: {i + 1}/{log.Total} published, {log.Ok.Count(x => x)} acknowledged, {Interlocked.Read(ref delivered)} deliveries");
                }
            }, ct);

            var expected = (long)log.Ok.Count(x => x) * result.ConsolesConnected;
            var drainUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * o.DrainSeconds;
            while (Interlocked.Read(ref delivered) < expected && Stopwatch.GetTimestamp() < drainUntil)
            {
                await Task.Delay(100, ct);
            }

            var cpu1 = broker.Sampler.CpuSeconds();
            var toolCpu1 = ProcessSampler.ReadCpuSeconds(Environment.ProcessId);
            var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            broker.Sampler.EndWindow();
            result.ServerCpuCores = cpu0 is { } a && cpu1 is { } b ? (b - a) / elapsed : double.NaN;
            result.ToolCpuCores = toolCpu0 is { } ta && toolCpu1 is { } tb ? (tb - ta) / elapsed : double.NaN;
            result.ServerPeakRssMeasuredMb = broker.Sampler.WindowPeakRssBytes / 1048576.0;
            result.ServerPeakRssMb = broker.Sampler.PeakRssBytes / 1048576.0;
            result.ConsolesLost = Volatile.Read(ref lost);
            result.MaxLagSeconds = o.MaxLagSeconds;
            Analysis.Join(result, log, arrivals, i => i);
            Logger.Log($"mosquitto: done; {result.DeliveriesReceived}/{result.DeliveriesExpected} measured deliveries, p50 {result.Delivery?.P50:F1} ms, p99 {result.Delivery?.P99:F1} ms, max {result.Delivery?.Max:F1} ms");
            return result;
        }
        finally
        {
            await leanStop.CancelAsync();
            if (pinger is not null)
            {
                await pinger;
            }

            await Task.WhenAll(leanLoops);
            foreach (var s in lean)
            {
                if (s is not null)
                {
                    await s.DisposeAsync();
                }
            }

            await Parallel.ForEachAsync(subscribers.Append(publisher), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (s, _) =>
            {
                try
                {
                    if (s.IsConnected)
                    {
                        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                        await s.DisconnectAsync(new MqttClientDisconnectOptions(), stop.Token);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
                {
                }
            });
            foreach (var s in subscribers)
            {
                s.Dispose();
            }
        }
    }
}
