using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Benchmarks;

/// <summary>
/// Where a single durable append spends its time: each stage adds one step of what
/// <see cref="AuditChain"/> does, so the differences between rows are the cost of each step.
/// </summary>
internal sealed class AppendProfile(BenchHost host, int operations)
{
    private long _next = 10_000_000;

    public List<(string Stage, double WallUs, double CpuUs, double SysUs)> Results { get; } = [];

    public async Task RunAsync()
    {
        await MeasureAsync("scope + IAuditLog resolved (a standalone append builds no DbContext)", async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            _ = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        });
        await MeasureAsync("… + open a pooled connection, set the pragmas, close", async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            _ = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await using var connection = await OpenAsync();
        });
        await MeasureAsync("… + BEGIN IMMEDIATE, read the head (as AuditChain does), COMMIT — no insert", async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            _ = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await using var connection = await OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            _ = await AuditStore.ReadHeadAsync(connection, transaction, null, CancellationToken.None);
            await transaction.CommitAsync();
        });
        await MeasureAsync("full AppendAsync (adds hash, INSERT, WAL fsync at COMMIT)", async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(SampleData.Record(_next++));
        });
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmaInterceptor.Pragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task MeasureAsync(string stage, Func<Task> op)
    {
        for (var i = 0; i < 200; i++)
        {
            await op(); // warm-up
        }

        var wall = new List<double>();
        var cpu = new List<double>();
        var sys = new List<double>();
        for (var trial = 0; trial < 3; trial++)
        {
            var started = Stopwatch.GetTimestamp();
            var cpu0 = Stats.Cpu();
            var sys0 = Stats.SystemCpu();
            for (var i = 0; i < operations; i++)
            {
                await op();
            }

            wall.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / operations);
            cpu.Add((Stats.Cpu() - cpu0).TotalMicroseconds / operations);
            sys.Add((Stats.SystemCpu() - sys0).TotalMicroseconds / operations);
        }

        Results.Add((stage, Stats.Median(wall), Stats.Median(cpu), Stats.Median(sys)));
        Console.WriteLine($"append profile: {stage}: {Stats.Median(wall):F0} µs wall, {Stats.Median(cpu):F0} µs CPU " +
            $"(of which kernel {Stats.Median(sys):F0} µs) per op");
    }
}
