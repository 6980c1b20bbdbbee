using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Benchmarks;

/// <summary>Durable appends through the platform path, against raw SQLite inserts, plus batched appends.</summary>
internal sealed class AppendBenchmarks(BenchHost host, BenchOptions options, long chainLength)
{
    private readonly TimeProvider _clock = TimeProvider.System;
    private long _next;

    /// <summary>Entries the platform chain holds so far.</summary>
    public long ChainLength { get; set; } = chainLength;

    public Series FreshScope { get; } = new("audit AppendAsync, fresh DI scope per append");

    public Series ReusedScope { get; } = new("audit AppendAsync, one DI scope per trial");

    public Series Raw { get; } = new("raw SQLite INSERT, one per transaction");

    public Series Batched { get; } = new("audit Record×N + SaveChangesAsync");

    public Series Fill { get; } = new("chain build (batched appends)");

    public async Task RunSinglesAsync(RawSqliteWriter raw)
    {
        Console.WriteLine($"warm-up: {options.Warmup} appends of each kind");
        await FreshScopeTrialAsync(options.Warmup, null);
        await ReusedScopeTrialAsync(options.Warmup, null);
        RawTrial(raw, options.Warmup, null);

        for (var trial = 0; trial < options.Trials; trial++)
        {
            // Rotate the order so that a slow spell of the shared disk does not always hit the same variant.
            for (var k = 0; k < 3; k++)
            {
                switch ((trial + k) % 3)
                {
                    case 0: await FreshScopeTrialAsync(options.Appends, FreshScope); break;
                    case 1: await ReusedScopeTrialAsync(options.Appends, ReusedScope); break;
                    default: RawTrial(raw, options.Appends, Raw); break;
                }
            }

            Console.WriteLine($"trial {trial + 1}/{options.Trials}: fresh {FreshScope.Throughputs[^1]:F0}/s, " +
                $"reused {ReusedScope.Throughputs[^1]:F0}/s, raw {Raw.Throughputs[^1]:F0}/s");
        }
    }

    public async Task RunBatchedAsync()
    {
        await BatchAsync(options.BatchSize, null); // warm-up
        for (var trial = 0; trial < options.Trials; trial++)
        {
            var started = Stopwatch.GetTimestamp();
            var cpu0 = Stats.Cpu();
            for (var b = 0; b < options.Batches; b++)
            {
                await BatchAsync(options.BatchSize, Batched);
            }

            Batched.AddTrial((long)options.BatchSize * options.Batches, Stopwatch.GetElapsedTime(started), Stats.Cpu() - cpu0);
            Console.WriteLine($"batched trial {trial + 1}/{options.Trials}: {Batched.Throughputs[^1]:F0} records/s");
        }
    }

    /// <summary>Grows the chain to the requested size with large batches, timing each batch.</summary>
    public async Task FillAsync(long target)
    {
        var started = Stopwatch.GetTimestamp();
        var startLength = ChainLength;
        var lastReport = started;
        while (ChainLength < target)
        {
            var size = (int)Math.Min(options.FillBatch, target - ChainLength);
            var batchStart = Stopwatch.GetTimestamp();
            var cpu0 = Stats.Cpu();
            await BatchAsync(size, null);
            Fill.AddTrial(size, Stopwatch.GetElapsedTime(batchStart), Stats.Cpu() - cpu0);
            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(10))
            {
                lastReport = Stopwatch.GetTimestamp();
                Console.WriteLine($"  chain {ChainLength:N0} / {target:N0}");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"chain built: {ChainLength - startLength:N0} entries in {elapsed.TotalSeconds:F1} s " +
            $"({(ChainLength - startLength) / Math.Max(elapsed.TotalSeconds, 1e-9):F0}/s)");
    }

    private async Task FreshScopeTrialAsync(int count, Series? series)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu0 = Stats.Cpu();
        for (var i = 0; i < count; i++)
        {
            var record = SampleData.Record(_next++);
            var t0 = Stopwatch.GetTimestamp();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(record);
            }

            series?.AddLatency(t0, Stopwatch.GetTimestamp());
        }

        ChainLength += count;
        series?.AddTrial(count, Stopwatch.GetElapsedTime(started), Stats.Cpu() - cpu0);
    }

    private async Task ReusedScopeTrialAsync(int count, Series? series)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu0 = Stats.Cpu();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            for (var i = 0; i < count; i++)
            {
                var record = SampleData.Record(_next++);
                var t0 = Stopwatch.GetTimestamp();
                await log.AppendAsync(record);
                series?.AddLatency(t0, Stopwatch.GetTimestamp());
            }
        }

        ChainLength += count;
        series?.AddTrial(count, Stopwatch.GetElapsedTime(started), Stats.Cpu() - cpu0);
    }

    private void RawTrial(RawSqliteWriter raw, int count, Series? series)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu0 = Stats.Cpu();
        for (var i = 0; i < count; i++)
        {
            var record = SampleData.Record(_next++);
            var t0 = Stopwatch.GetTimestamp();
            raw.Insert(record, _clock);
            series?.AddLatency(t0, Stopwatch.GetTimestamp());
        }

        series?.AddTrial(count, Stopwatch.GetElapsedTime(started), Stats.Cpu() - cpu0);
    }

    /// <summary>One unit of work: a fresh scope, N queued records, one SaveChangesAsync (one transaction).</summary>
    private async Task BatchAsync(int size, Series? series)
    {
        var records = new AuditRecord[size];
        for (var i = 0; i < size; i++)
        {
            records[i] = SampleData.Record(_next++);
        }

        var t0 = Stopwatch.GetTimestamp();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            foreach (var record in records)
            {
                log.Record(record);
            }

            await scope.ServiceProvider.GetRequiredService<VartaDbContext>().SaveChangesAsync();
        }

        series?.AddLatency(t0, Stopwatch.GetTimestamp());
        ChainLength += size;
    }
}
