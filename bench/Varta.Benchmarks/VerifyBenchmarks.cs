using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;

namespace Varta.Benchmarks;

/// <summary>Full-chain verification with the platform's <see cref="AuditVerifier"/>, at several partition counts.</summary>
internal sealed class VerifyBenchmarks(BenchHost host, BenchOptions options)
{
    public int DefaultPartitions { get; } = options.Partitions ?? Environment.ProcessorCount;

    public Series Verify { get; } = new("AuditVerifier.VerifyAsync");

    /// <summary>Partition count → series, for the sweep (2 trials each; the prototypes get 3).</summary>
    public SortedDictionary<int, Series> Sweep { get; } = [];

    public Series Prototype { get; } = new("prototype: UTF-8 spans + one buffer");

    public Series PrototypeMmap { get; } = new("prototype: UTF-8 spans + one buffer + mmap");

    public async Task RunAsync(long expectedCount)
    {
        var verifier = host.Services.GetRequiredService<AuditVerifier>();
        Console.WriteLine("verify warm-up (also brings the file into the page cache)");
        await TimeAsync(verifier, DefaultPartitions, expectedCount, null);
        for (var trial = 0; trial < options.VerifyTrials; trial++)
        {
            await TimeAsync(verifier, DefaultPartitions, expectedCount, Verify);
            Console.WriteLine($"verify trial {trial + 1}/{options.VerifyTrials} ({DefaultPartitions} partitions): " +
                $"{Verify.Throughputs[^1]:N0} entries/s");
        }

        foreach (var partitions in new[] { 1, 2, 4, 8 }.Where(p => p != DefaultPartitions))
        {
            var series = Sweep[partitions] = new Series($"VerifyAsync, {partitions} partitions");
            for (var trial = 0; trial < Math.Min(2, options.VerifyTrials); trial++)
            {
                await TimeAsync(verifier, partitions, expectedCount, series);
            }

            Console.WriteLine($"verify with {partitions} partitions: {series.MedianThroughput:N0} entries/s");
        }

        foreach (var (series, mmap) in new[] { (Prototype, false), (PrototypeMmap, true) })
        {
            for (var trial = 0; trial < Math.Min(3, options.VerifyTrials); trial++)
            {
                var started = Stopwatch.GetTimestamp();
                var cpu0 = Stats.Cpu();
                var invalid = await SpanVerifier.VerifyAsync(host.ConnectionString, expectedCount, DefaultPartitions, mmap);
                var end = Stopwatch.GetTimestamp();
                if (invalid is not null)
                {
                    throw new InvalidOperationException($"prototype verifier disagrees with the chain at {invalid}");
                }

                series.AddLatency(started, end);
                series.AddTrial(expectedCount, Stopwatch.GetElapsedTime(started, end), Stats.Cpu() - cpu0);
            }

            Console.WriteLine($"{series.Name} ({DefaultPartitions} partitions): {series.MedianThroughput:N0} entries/s");
        }
    }

    private static async Task TimeAsync(AuditVerifier verifier, int partitions, long expectedCount, Series? series)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu0 = Stats.Cpu();
        var result = await verifier.VerifyAsync(partitions);
        var end = Stopwatch.GetTimestamp();
        if (!result.Valid || result.Count != expectedCount)
        {
            throw new InvalidOperationException($"verification failed: valid={result.Valid}, count={result.Count}, " +
                $"expected {expectedCount}, first invalid {result.FirstInvalidSeq}");
        }

        series?.AddLatency(started, end);
        series?.AddTrial(result.Count, Stopwatch.GetElapsedTime(started, end), Stats.Cpu() - cpu0);
    }
}
