using System.Diagnostics;
using HdrHistogram;

namespace Varta.Alarms.LoadTool;

/// <summary>Arrivals at one console (or MQTT subscriber): what arrived and when (Stopwatch ticks), preallocated, no locks.</summary>
internal sealed class Arrivals<TKey>(int capacity)
    where TKey : struct
{
    private readonly TKey[] _keys = new TKey[capacity];
    private readonly long[] _ticks = new long[capacity];
    private int _count;
    private int _overflow;

    public int Count => Math.Min(Volatile.Read(ref _count), _keys.Length);

    public int Overflow => Volatile.Read(ref _overflow);

    public void Add(TKey key, long ticks)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i >= _keys.Length)
        {
            Interlocked.Increment(ref _overflow);
            return;
        }

        _keys[i] = key;
        _ticks[i] = ticks;
    }

    public IEnumerable<(TKey Key, long Ticks)> Items()
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            yield return (_keys[i], _ticks[i]);
        }
    }
}

/// <summary>One send per schedule slot: when it went, when it was answered, how it ended.</summary>
internal sealed class SendLog
{
    public SendLog(int total, int warmup)
    {
        Total = total;
        Warmup = warmup;
        Sent = new long[total];
        Answered = new long[total];
        Ok = new bool[total];
    }

    public int Total { get; }

    /// <summary>Sends [0, Warmup) are warm-up and not measured.</summary>
    public int Warmup { get; }

    public long[] Sent { get; }

    public long[] Answered { get; }

    public bool[] Ok { get; }

    public int Failures;

    public readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> FailureKinds = new();

    public long MaxScheduleLagTicks;

    /// <summary>Sends actually issued: fewer than Total when the sender gave up, too far behind schedule.</summary>
    public int Issued;

    public bool GaveUp;

    public long MeasureStartTicks;

    /// <summary>When the schedule began (the first send was due).</summary>
    public long SendStartTicks;

    public long MeasureEndTicks;

    public void Fail(string kind)
    {
        Interlocked.Increment(ref Failures);
        FailureKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public int AcceptedMeasured => Ok.Skip(Warmup).Count(x => x);

    public double Rate { get; set; }

    /// <summary>
    /// The server's throughput over the measured window (first measured send to last measured answer, plus one schedule
    /// interval so that a server keeping up exactly scores the target): every send accepted inside the window, warm-up
    /// ones included, because a saturated server spends the start of the window answering the warm-up backlog.
    /// </summary>
    public double AchievedRate
    {
        get
        {
            if (MeasureStartTicks == 0)
            {
                // Gave up before the measured window began (saturated during the warm-up): the throughput over
                // everything it answered, from the first send.
                var last = Answered.DefaultIfEmpty(0).Max();
                var ok = Ok.Count(x => x);
                var span = SendStartTicks == 0 || last == 0 ? 0 : Stopwatch.GetElapsedTime(SendStartTicks, last).TotalSeconds + (Rate > 0 ? 1 / Rate : 0);
                return span > 0 ? ok / span : 0;
            }

            var answered = 0;
            for (var i = 0; i < Total; i++)
            {
                if (Ok[i] && Answered[i] >= MeasureStartTicks && Answered[i] <= MeasureEndTicks)
                {
                    answered++;
                }
            }

            var seconds = Stopwatch.GetElapsedTime(MeasureStartTicks, MeasureEndTicks).TotalSeconds + (Rate > 0 ? 1 / Rate : 0);
            return seconds > 0 ? answered / seconds : 0;
        }
    }
}

/// <summary>
/// Open-loop pacing: send i is due at start + i / rate whatever happened to earlier sends, at most maxInFlight
/// unanswered at once (beyond that the sender falls behind, which is recorded as schedule lag).
/// </summary>
internal static class Pacer
{
    public static async Task RunAsync(SendLog log, double rate, int maxInFlight, TimeSpan maxLag, Func<int, Task> sendOne, Action<int>? progress, CancellationToken ct)
    {
        log.Rate = rate;
        using var gate = new SemaphoreSlim(maxInFlight, maxInFlight);
        var tasks = new List<Task>(log.Total);
        var start = Stopwatch.GetTimestamp();
        log.SendStartTicks = start;
        for (var i = 0; i < log.Total; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait >= TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await gate.WaitAsync(ct);
            var lag = Stopwatch.GetTimestamp() - due;
            if (lag > log.MaxScheduleLagTicks)
            {
                log.MaxScheduleLagTicks = lag;
            }

            if (lag > maxLag.TotalSeconds * Stopwatch.Frequency)
            {
                // The server answers slower than the schedule asks: the rest would only measure a growing queue.
                gate.Release();
                log.GaveUp = true;
                break;
            }

            log.Issued = i + 1;

            if (i == log.Warmup)
            {
                log.MeasureStartTicks = Stopwatch.GetTimestamp();
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await sendOne(index);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    log.Fail(e.GetType().Name);
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None));
            progress?.Invoke(i);
        }

        await Task.WhenAll(tasks).WaitAsync(ct);
        log.MeasureEndTicks = log.Answered.Skip(log.Warmup).DefaultIfEmpty(0).Max();
        if (log.Issued <= log.Warmup)
        {
            log.MeasureStartTicks = 0;
        }

        if (log.MeasureEndTicks == 0)
        {
            log.MeasureEndTicks = Stopwatch.GetTimestamp();
        }
    }
}

/// <summary>Percentiles in milliseconds from a microsecond histogram.</summary>
internal sealed record Percentiles(long Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static Percentiles From(HistogramBase h) => h.TotalCount == 0
        ? new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
        : new Percentiles(h.TotalCount, Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)),
            Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()), h.GetMean() / 1000.0);

    private static double Ms(long micros) => micros / 1000.0;

    /// <summary>Microseconds, up to 10 minutes, 3 significant digits.</summary>
    public static LongHistogram NewHistogram() => new(600_000_000, 3);

    public static long Micros(long fromTicks, long toTicks) => Math.Max(0, (toTicks - fromTicks) * 1_000_000 / Stopwatch.Frequency);
}

/// <summary>What one scenario (Varta on a database, or mosquitto) measured.</summary>
internal sealed class ScenarioResult
{
    public required string Name { get; init; }

    public int ConsolesConnected { get; set; }

    public int ConsolesLost { get; set; }

    public double ConnectSeconds { get; set; }

    public int Scheduled { get; set; }

    /// <summary>Measured sends actually issued (fewer than Scheduled when the sender gave up).</summary>
    public int Issued { get; set; }

    public bool GaveUp { get; set; }

    public double MaxLagSeconds { get; set; }

    public int AcceptedMeasured { get; set; }

    public int Failures { get; set; }

    public Dictionary<string, int> FailureKinds { get; set; } = [];

    public double TargetRate { get; set; }

    public double AchievedRate { get; set; }

    public double MaxScheduleLagMs { get; set; }

    public long DeliveriesExpected { get; set; }

    public long DeliveriesReceived { get; set; }

    public long Duplicates { get; set; }

    /// <summary>Pushes that reached a console after a push with a higher Seq (summed over consoles).</summary>
    public long? OutOfOrder { get; set; }

    /// <summary>Invocations received by consoles (AlarmEvent or AlarmEvents), summed over consoles; Varta only.</summary>
    public long? Frames { get; set; }

    /// <summary>Of those, AlarmEvents invocations carrying more than one event, and the events they carried.</summary>
    public long BatchFrames { get; set; }

    public long BatchedEvents { get; set; }

    public int LargestBatch { get; set; }

    /// <summary>Bytes of JSON invocation per event pushed (lean consoles count them), to size the MQTT reference's messages.</summary>
    public double? BytesPerEvent { get; set; }

    /// <summary>Send → shown on a console, one value per (alarm, console).</summary>
    public Percentiles? Delivery { get; set; }

    /// <summary>Send → shown on the last of all consoles, one value per alarm.</summary>
    public Percentiles? AllConsoles { get; set; }

    /// <summary>Send → acknowledged to the sender (202 for Varta, PUBACK for MQTT).</summary>
    public Percentiles? Ack { get; set; }

    public double ServerPeakRssMb { get; set; }

    public double ServerPeakRssMeasuredMb { get; set; }

    public double ServerRssIdleMb { get; set; }

    public double ServerRssConsolesMb { get; set; }

    /// <summary>Server CPU during the measured window, in cores (1.0 = one core busy).</summary>
    public double ServerCpuCores { get; set; }

    public double ToolCpuCores { get; set; }

    /// <summary>Server CPU with consoles connected, before the first signal.</summary>
    public double ServerIdleCpuBeforeCores { get; set; } = double.NaN;

    /// <summary>Server CPU in the 5 s after the run, every alarm of the run still open.</summary>
    public double ServerIdleCpuAfterCores { get; set; } = double.NaN;

    public string? Notes { get; set; }

    public string? Error { get; set; }
}

internal static class Analysis
{
    /// <summary>
    /// Joins what each console received with when it was sent (by index), into the result's histograms and counts.
    /// Only measured, accepted sends count; a second arrival of the same alarm at one console is a duplicate.
    /// </summary>
    public static void Join<TKey>(ScenarioResult r, SendLog log, IReadOnlyList<Arrivals<TKey>> consoles, Func<TKey, int> indexOf)
        where TKey : struct
    {
        var delivery = Percentiles.NewHistogram();
        var all = Percentiles.NewHistogram();
        var ack = Percentiles.NewHistogram();
        var count = new int[log.Total];
        var last = new long[log.Total];
        var seen = new bool[log.Total];
        long received = 0, duplicates = 0;
        foreach (var console in consoles)
        {
            Array.Clear(seen);
            foreach (var (key, ticks) in console.Items())
            {
                var i = indexOf(key);
                if (i < log.Warmup || !log.Ok[i])
                {
                    continue;
                }

                if (seen[i])
                {
                    duplicates++;
                    continue;
                }

                seen[i] = true;
                received++;
                count[i]++;
                last[i] = Math.Max(last[i], ticks);
                delivery.RecordValue(Percentiles.Micros(log.Sent[i], ticks));
            }
        }

        for (var i = log.Warmup; i < log.Total; i++)
        {
            if (!log.Ok[i])
            {
                continue;
            }

            ack.RecordValue(Percentiles.Micros(log.Sent[i], log.Answered[i]));
            if (count[i] == consoles.Count)
            {
                all.RecordValue(Percentiles.Micros(log.Sent[i], last[i]));
            }
        }

        r.Scheduled = log.Total - log.Warmup;
        r.Issued = Math.Max(0, log.Issued - log.Warmup);
        r.GaveUp = log.GaveUp;
        r.AcceptedMeasured = log.AcceptedMeasured;
        r.Failures = log.Failures;
        r.FailureKinds = new Dictionary<string, int>(log.FailureKinds);
        r.AchievedRate = log.AchievedRate;
        r.MaxScheduleLagMs = log.MaxScheduleLagTicks * 1000.0 / Stopwatch.Frequency;
        r.DeliveriesExpected = (long)r.AcceptedMeasured * consoles.Count;
        r.DeliveriesReceived = received;
        r.Duplicates = duplicates;
        r.Delivery = Percentiles.From(delivery);
        r.AllConsoles = Percentiles.From(all);
        r.Ack = Percentiles.From(ack);
    }
}
