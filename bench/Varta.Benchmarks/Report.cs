using System.Text;

namespace Varta.Benchmarks;

/// <summary>The run's results as the markdown that BENCHMARKS.md quotes.</summary>
internal sealed class Report(BenchOptions options, MachineInfo machine)
{
    private const double AppendRatioTarget = 0.5;
    private const double BatchedTarget = 5_000;
    private const double VerifyTarget = 1_000_000;

    public (string JournalMode, long Synchronous) PlatformDurability { get; set; }

    public (string JournalMode, long Synchronous) RawDurability { get; set; }

    public AppendBenchmarks? Appends { get; set; }

    public long ChainLength { get; set; }

    public long DatabaseBytes { get; set; }

    public VerifyBenchmarks? Verify { get; set; }

    public VerifyProfile? Profile { get; set; }

    public AppendProfile? AppendProfile { get; set; }

    public TimeSpan Elapsed { get; set; }

    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        var a = Appends!;
        Line(s, $"Run of {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Elapsed.TotalMinutes:F1} min in all.");
        Line(s, $"Machine: {machine.Processors} logical CPUs ({machine.Cpu}), {machine.Memory} RAM; temp folder on {machine.FileSystem}; " +
            $"{machine.Runtime}, {machine.Os}; SQLite {machine.Sqlite}.");
        Line(s, $"Load average (1/5/15 min) at start {LoadBefore}, at end {LoadAfter} — other work shares these {machine.Processors} CPUs.");
        Line(s, $"Durability checked on a live connection of each path: platform journal_mode={PlatformDurability.JournalMode}, " +
            $"synchronous={PlatformDurability.Synchronous} (2 = FULL); raw journal_mode={RawDurability.JournalMode}, synchronous={RawDurability.Synchronous}.");
        Line(s, "");

        Line(s, $"**Durable single appends** ({options.Trials} trials × {options.Appends} appends per variant, interleaved; " +
            $"{options.Warmup} warm-up appends each; one transaction and one WAL fsync per append):");
        Line(s, "");
        Line(s, "| variant | appends/s, median | appends/s, worst–best trial | latency median | latency p99 | latency max | CPU per append |");
        Line(s, "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var series in new[] { a.FreshScope, a.ReusedScope, a.Raw })
        {
            Line(s, $"| {series.Name} | {series.MedianThroughput:N0} | {series.LowThroughput:N0}–{series.HighThroughput:N0} | " +
                $"{series.MedianLatencyMs:F2} ms | {series.P99LatencyMs:F2} ms | {series.MaxLatencyMs:F2} ms | {series.MedianCpuUs:F0} µs |");
        }

        Line(s, "");
        var fresh = a.FreshScope.MedianThroughput / a.Raw.MedianThroughput;
        var reused = a.ReusedScope.MedianThroughput / a.Raw.MedianThroughput;
        var pairwise = Stats.Median(a.FreshScope.Throughputs.Zip(a.Raw.Throughputs, (x, y) => x / y).ToList());
        var latency = a.Raw.MedianLatencyMs / a.FreshScope.MedianLatencyMs;
        Line(s, $"Ratio audit / raw (median throughputs): **fresh scope {fresh:P0}**, reused scope {reused:P0} " +
            $"(median of per-trial ratios, fresh scope: {pairwise:P0}; raw ÷ audit median latency: {latency:P0}). " +
            $"Target ≥ 50 %: **{Met(fresh >= AppendRatioTarget)}**. A slow disk flatters the ratio (both wait on fsync), " +
            "a busy CPU hurts it: read it together with the raw latency and the CPU column.");
        Line(s, "");

        if (AppendProfile is { } ap)
        {
            Line(s, $"**Single-append profile** (run after the timed appends; fresh scope each; 200 warm-up + {options.Appends} operations × 3 trials per stage, median per operation):");
            Line(s, "");
            Line(s, "| stage | wall µs/op | CPU µs/op | of which kernel |");
            Line(s, "|---|---:|---:|---:|");
            foreach (var (stage, wall, cpu, sys) in ap.Results)
            {
                Line(s, $"| {stage} | {wall:F0} | {cpu:F0} | {sys:F0} |");
            }

            Line(s, "");
        }

        Line(s, $"**Batched appends** ({options.Trials} trials × {options.Batches} batches of {options.BatchSize} records; " +
            "each batch = fresh scope, Record × N, one SaveChangesAsync):");
        Line(s, "");
        Line(s, "| records/s, median | worst–best trial | batch latency median | batch latency p99 | CPU per record | target ≥ 5,000/s |");
        Line(s, "|---:|---:|---:|---:|---:|---|");
        Line(s, $"| {a.Batched.MedianThroughput:N0} | {a.Batched.LowThroughput:N0}–{a.Batched.HighThroughput:N0} | " +
            $"{a.Batched.MedianLatencyMs:F1} ms | {a.Batched.P99LatencyMs:F1} ms | {a.Batched.MedianCpuUs:F0} µs | " +
            $"**{Met(a.Batched.MedianThroughput >= BatchedTarget)}** |");
        Line(s, "");
        if (Verify is not { } v)
        {
            return s.ToString();
        }

        Line(s, $"Chain build for verification: {ChainLength:N0} entries, batches of {options.FillBatch:N0}, " +
            $"median {a.Fill.MedianThroughput:N0} records/s per batch (worst {a.Fill.LowThroughput:N0}); " +
            $"database {DatabaseBytes / 1024.0 / 1024:N0} MiB.");
        Line(s, "");

        Line(s, $"**Full-chain verification** of {ChainLength:N0} entries ({options.VerifyTrials} trials after a warm-up; page cache warm):");
        Line(s, "");
        Line(s, "| verifier | partitions | entries/s, median | worst–best trial | time median | time p99 | CPU per entry | target ≥ 1,000,000/s |");
        Line(s, "|---|---:|---:|---:|---:|---:|---:|---|");
        VerifyRow(s, "AuditVerifier.VerifyAsync", v.DefaultPartitions, v.Verify, withTarget: true);
        foreach (var (partitions, series) in v.Sweep)
        {
            VerifyRow(s, "AuditVerifier.VerifyAsync", partitions, series, withTarget: false);
        }

        VerifyRow(s, "bench prototype: UTF-8 spans + .NET IncrementalHash (SpanVerifier)", v.DefaultPartitions, v.Prototype, withTarget: false);
        VerifyRow(s, "bench prototype: UTF-8 spans + .NET IncrementalHash + mmap_size", v.DefaultPartitions, v.PrototypeMmap, withTarget: false);
        Line(s, "");

        if (Profile is { } p)
        {
            Line(s, $"**Verification profile** (one thread, {p.Rows:N0} rows; hash-only rows held in memory; " +
                $"canonical entry ≈ {p.AverageCanonicalBytes} bytes incl. the 32-byte previous hash):");
            Line(s, "");
            Line(s, "| stage | rows/s (1 thread) | wall ns/row | CPU ns/row |");
            Line(s, "|---|---:|---:|---:|");
            foreach (var (stage, rate, cpu) in p.Results)
            {
                Line(s, $"| {stage} | {rate:N0} | {1e9 / rate:F0} | {cpu:F0} |");
            }

            Line(s, "");
            Line(s, $"VerifyAsync's preamble `SELECT COUNT(*)` over {p.CountRows:N0} rows takes {p.CountMs:F0} ms (median of 3) before any hashing starts.");
            Line(s, "");
        }

        return s.ToString();
    }

    private static void VerifyRow(StringBuilder s, string name, int partitions, Series series, bool withTarget) =>
        Line(s, $"| {name} | {partitions} | {series.MedianThroughput:N0} | {series.LowThroughput:N0}–{series.HighThroughput:N0} | " +
            $"{series.MedianLatencyMs / 1000:F2} s | {series.P99LatencyMs / 1000:F2} s | {series.MedianCpuUs * 1000:F0} ns | " +
            (withTarget ? $"**{Met(series.MedianThroughput >= VerifyTarget)}** |" : "|"));

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static void Line(StringBuilder s, string text) => s.Append(text).Append('\n');
}
