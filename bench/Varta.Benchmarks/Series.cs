using System.Diagnostics;

namespace Varta.Benchmarks;

/// <summary>
/// One measured quantity over several trials: the latency of every operation and the throughput of every
/// trial (items per second, where an operation may carry several items, e.g. a batch).
/// </summary>
internal sealed class Series(string name)
{
    private readonly List<double> _latencyMs = [];
    private readonly List<double> _throughput = [];
    private readonly List<double> _cpuUsPerItem = [];

    public string Name { get; } = name;

    public IReadOnlyList<double> Throughputs => _throughput;

    public int Operations => _latencyMs.Count;

    public void AddLatency(long startTimestamp, long endTimestamp) =>
        _latencyMs.Add(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds);

    public void AddTrial(long items, TimeSpan elapsed) => _throughput.Add(items / elapsed.TotalSeconds);

    /// <summary>A trial with the process CPU time it used, which a busy shared machine distorts far less than wall time.</summary>
    public void AddTrial(long items, TimeSpan elapsed, TimeSpan cpu)
    {
        AddTrial(items, elapsed);
        _cpuUsPerItem.Add(cpu.TotalMicroseconds / items);
    }

    /// <summary>Median over trials of process CPU time per item (all threads), in microseconds.</summary>
    public double MedianCpuUs => Stats.Median(_cpuUsPerItem);

    public double MedianThroughput => Stats.Median(_throughput);

    /// <summary>The slow end of throughput: the 1st percentile, i.e. the worst trial when there are few.</summary>
    public double LowThroughput => Stats.Percentile(_throughput, 1);

    public double HighThroughput => Stats.Percentile(_throughput, 100);

    public double MedianLatencyMs => Stats.Median(_latencyMs);

    public double P99LatencyMs => Stats.Percentile(_latencyMs, 99);

    public double MaxLatencyMs => Stats.Percentile(_latencyMs, 100);
}

internal static class Stats
{
    /// <summary>CPU time of the whole process so far (every thread: EF Core, SQLite, GC).</summary>
    public static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The kernel part of <see cref="Cpu"/> (system calls: fsync, read, futex).</summary>
    public static TimeSpan SystemCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.PrivilegedProcessorTime;
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>Linear interpolation between closest ranks; 0 when there is nothing.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
