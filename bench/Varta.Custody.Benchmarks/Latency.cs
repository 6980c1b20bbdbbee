using System.Diagnostics;
using System.Net;

namespace Varta.Custody.Benchmarks;

/// <summary>Latencies of one operation: every sample kept, sorted, read off by rank (no bucketing).</summary>
internal sealed record OperationResult(string Name, string Request, double TargetP99Ms, double[] SortedMs, TimeSpan Wall, int Concurrency,
    double CpuMsPerRequest, string LoadAverage)
{
    public int Samples => SortedMs.Length;

    public double Percentile(double p)
    {
        if (SortedMs.Length == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest sample with at least p % of the samples at or below it.
        var rank = (int)Math.Ceiling(p / 100.0 * SortedMs.Length);
        return SortedMs[Math.Clamp(rank - 1, 0, SortedMs.Length - 1)];
    }

    public double P50 => Percentile(50);

    public double P90 => Percentile(90);

    public double P99 => Percentile(99);

    public double Max => SortedMs.Length == 0 ? double.NaN : SortedMs[^1];

    public double Mean => SortedMs.Length == 0 ? double.NaN : SortedMs.Average();

    public double Throughput => Samples / Wall.TotalSeconds;

    public bool? Met => double.IsNaN(TargetP99Ms) ? null : P99 <= TargetP99Ms;
}

internal static class Measure
{
    /// <summary>
    /// Sends <paramref name="warmup"/> unmeasured requests, then <paramref name="samples"/> measured ones, with
    /// <paramref name="concurrency"/> in flight. A sample is from just before SendAsync until the whole body
    /// has been read. Any unexpected status stops the run: a benchmark of failing requests measures nothing.
    /// </summary>
    public static async Task<OperationResult> RunAsync(string name, string request, double targetP99Ms, int warmup, int samples, int concurrency,
        Func<int, HttpRequestMessage> build, HttpClient client, HttpStatusCode expected, Action<string> log)
    {
        for (var i = 0; i < warmup; i++)
        {
            await SendAsync(client, build(-1 - i), expected, name);
        }

        var times = new double[samples];
        var next = -1;
        var load = LoadAverage();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Max(1, concurrency)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < samples)
            {
                using var message = build(i);
                var start = Stopwatch.GetTimestamp();
                await SendAsync(client, message, expected, name);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }).ToList();
        await Task.WhenAll(workers);
        wall.Stop();
        self.Refresh();
        var cpuPerRequest = (self.TotalProcessorTime - cpu).TotalMilliseconds / samples;
        Array.Sort(times);
        var result = new OperationResult(name, request, targetP99Ms, times, wall.Elapsed, concurrency, cpuPerRequest, load);
        log($"  {name,-32} p50 {result.P50,7:F2} ms  p99 {result.P99,7:F2} ms  max {result.Max,7:F1} ms  {result.Throughput,6:F0} req/s  cpu {cpuPerRequest:F2} ms/req  load {load}");
        return result;
    }

    /// <summary>The 1-minute load average: how many runnable tasks the 2 cores were shared between.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static async Task SendAsync(HttpClient client, HttpRequestMessage message, HttpStatusCode expected, string name)
    {
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected}: " +
                System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2000)));
        }
    }
}
